using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Core.Instruments;
using LowLatency.Engine;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Running;

/// <summary>
/// One engine under load: built against the replayer exactly as against Binance, with the cache
/// visibility probe of the e2e harness and a <see cref="CountingStrategy"/> subscribed to the
/// recorded instrument's book, best bid/offer and trades.
/// </summary>
public sealed class EngineClient : IAsyncDisposable
{
    private EngineClient(MarketDataEngine engine, VisibilityLog visible, CountingStrategy strategy, Instrument instrument)
    {
        Engine = engine;
        Visible = visible;
        Strategy = strategy;
        Instrument = instrument;
    }

    /// <summary>The engine.</summary>
    public MarketDataEngine Engine { get; }

    /// <summary>What its cache consumer made visible, and when.</summary>
    public VisibilityLog Visible { get; }

    /// <summary>Its counting strategy.</summary>
    public CountingStrategy Strategy { get; }

    /// <summary>The recorded instrument.</summary>
    public Instrument Instrument { get; }

    /// <summary>Builds an engine on <paramref name="replayer"/> whose log is armed for <paramref name="plan"/> and subscribes.</summary>
    public static async Task<EngineClient> StartAsync(Replayer replayer, VisibilityLog visible, RoundPlan plan)
    {
        visible.Arm(plan.WarmUp, plan.Messages);
        var engine = new EngineBuilder()
            .AddExchange(E2EFeed.Venue, replayer)
            .WithCacheVisibilityObserver(new CacheVisibilityProbe(visible))
            .Build();
        var strategy = new CountingStrategy();
        var session = engine.AddStrategy("load", strategy);
        await session.SubscribeAsync(E2EFeed.Venue, E2EFeed.Symbol, MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades).ConfigureAwait(false);
        return new EngineClient(engine, visible, strategy, engine.GetInstrument(E2EFeed.Venue, E2EFeed.Symbol));
    }

    /// <summary>Bytes the engine's reader and consumer threads have allocated, as each last sampled itself.</summary>
    public long HotThreadBytes() => EngineRound.PipelineThreadBytes(Engine);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
