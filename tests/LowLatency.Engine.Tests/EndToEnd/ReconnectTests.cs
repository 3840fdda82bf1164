using LowLatency.Engine.Connections;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.EndToEnd;

public sealed class ReconnectTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task Dropped_connection_resubscribes_signals_a_gap_and_resyncs_the_book()
    {
        // Every connection is dropped after 3,000 messages; at 20x the recording that leaves each
        // new connection over a second of data to resynchronise in.
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(20),
            AtEnd = ReplayEndBehavior.KeepOpen,
            Faults = [FaultSpec.Parse("disconnect:after=3000")],
        });
        var strategy = new RecordingStrategy();
        await using var engine = new EngineBuilder()
            .AddExchange(Venue, replayer)
            .Configure(o => o.ReconnectInitialDelay = TimeSpan.FromMilliseconds(50))
            .Build();
        var session = engine.AddStrategy("reconnect", strategy);
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book | MarketChannels.Trades);

        await Eventually.TrueAsync(() => engine.GetStatus().Reconnects >= 1 && strategy.Gaps >= 1
                                         && engine.GetDataQuality(Venue, Symbol, MarketChannels.Book).Quality == DataQuality.Synced
                                         && Connection(engine).State == ConnectionState.Connected,
            "a reconnect, a gap at the strategy, and the book synced again");

        var status = engine.GetStatus();
        Assert.True(replayer.Statistics.ConnectionsAccepted >= 2);
        Assert.True(status.Resyncs >= 1, $"resyncs {status.Resyncs}");
        Assert.True(status.ChannelMessages.Where(m => m.Channel != "heartbeat").Sum(m => m.Messages) > 3000, "data arrived after resubscribing");
        Assert.Contains(strategy.Changes, c => c.Channel == MarketChannels.Book && c.Current.Quality == DataQuality.Stale);
        Assert.Contains(strategy.Changes, c => c.Channel == MarketChannels.Book && c.Previous != DataQuality.Synced && c.Current.Quality == DataQuality.Synced);
    }

    private static ConnectionStatus Connection(MarketDataEngine engine) =>
        engine.GetConnectionStatus().Connections.Single(c => c.Key == "binance_spot");
}
