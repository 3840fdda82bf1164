using LowLatency.Engine.Publishing;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Core.Instruments;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.LoadTests;

/// <summary>
/// The two hooks the wire-to-cache benchmark and the load tests stand on: the replayer reports
/// every recorded message it writes, before the write; the cache consumer reports every message
/// it made visible, once, in order.
/// </summary>
public sealed class MeasurementHookTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task Replayer_reports_every_recorded_message_once_and_cache_reports_each_after_its_send()
    {
        var feed = SharedFeeds.BinanceSpot;
        var sends = new RecordingSendObserver(feed.Count);
        var visible = new RecordingCacheObserver(feed.Count * 2);
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen, SendObserver = sends });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithCacheVisibilityObserver(visible).Build();
        var session = engine.AddStrategy("hooks");

        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades);
        await Eventually.TrueAsync(() => visible.Streamed >= feed.Count, $"{feed.Count} streamed messages reported visible");

        Assert.Single(sends.Connections);
        Assert.All(Enumerable.Range(0, feed.Count), index => Assert.Equal(1, sends.ReportsOf(index)));
        var indexByKey = MessageIndex(feed);
        var streamed = visible.Seen.Where(s => !s.FromRest).ToList();
        Assert.Equal(feed.Count, streamed.Count);
        Assert.Equal(Enumerable.Range(0, feed.Count), streamed.Select(s => indexByKey[(s.Kind, s.Sequence)]));
        Assert.All(streamed, s => Assert.True(sends.StampOf(indexByKey[(s.Kind, s.Sequence)]) <= s.Visible,
            $"{s.Kind} {s.Sequence} was visible at {s.Visible}, before its send at {sends.StampOf(indexByKey[(s.Kind, s.Sequence)])}"));
    }

    [Fact]
    public async Task Cache_observer_reports_the_REST_snapshot_flagged_from_REST()
    {
        var feed = SharedFeeds.BinanceSpot;
        var visible = new RecordingCacheObserver(feed.Count * 2);
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithCacheVisibilityObserver(visible).Build();
        var session = engine.AddStrategy("hooks");

        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book);
        await Eventually.TrueAsync(() => visible.Seen.Any(s => s.FromRest), "the REST snapshot reported visible");

        Assert.All(visible.Seen.Where(s => s.FromRest), s => Assert.Equal(MarketEventKind.BookEnd, s.Kind));
    }

    /// <summary>Each recorded message's index by the kind and sequence of the event that completes it (update id, or trade id).</summary>
    private static Dictionary<(MarketEventKind, long), int> MessageIndex(LowLatency.Replay.Feed.RecordedFeed feed)
    {
        var definition = ExchangeCatalog.Get(Venue);
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec(definition.Exchange, definition.Market, Symbol, definition.DefaultScales.PriceScale, definition.DefaultScales.QuantityScale));
        var parser = definition.CreateParser(registry, ParserOptions.Default);
        var buffer = new MarketEvent[256];
        var index = new Dictionary<(MarketEventKind, long), int>();
        for (int i = 0; i < feed.Count; i++)
        {
            var collector = new EventCollector(buffer);
            parser.Parse(feed.Payload(i).Span, new MessageContext(0), ref collector);
            buffer = collector.Buffer;
            var last = collector.Events[^1];
            index.Add((last.Kind, last.Sequence), i);
        }
        return index;
    }
}
