using System.Collections.Concurrent;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Replay.Feed;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// The recorded Binance spot capture both pipelines receive, loaded once per process, with the
/// index of every message by its <see cref="MessageKey"/>.
/// </summary>
/// <remarks>
/// The capture is hftbacktest's BTCUSDT spot recording (depth@100ms, bookTicker, trade, one
/// in-line REST depth snapshot near the start), the same file the engine's end-to-end tests replay.
/// </remarks>
public sealed class E2EFeed
{
    /// <summary>The venue both pipelines connect to.</summary>
    public const string Venue = "binance-spot";

    /// <summary>The recorded instrument.</summary>
    public const string Symbol = "BTCUSDT";

    /// <summary>The combined-stream path a Binance client opens for the three recorded streams.</summary>
    public const string CombinedStreamPath = "/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade";

    private static readonly ConcurrentDictionary<string, Lazy<E2EFeed>> s_loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _indexByKey;

    private E2EFeed(RecordedFeed feed, Dictionary<long, int> indexByKey)
    {
        Feed = feed;
        _indexByKey = indexByKey;
        double seconds = (feed.EndTimestampNs - feed.StartTimestampNs) / 1e9;
        RecordedRate = seconds > 0 ? feed.Count / seconds : 0;
    }

    /// <summary>The capture, encoded for the replayer.</summary>
    public RecordedFeed Feed { get; }

    /// <summary>Messages in the capture.</summary>
    public int Count => Feed.Count;

    /// <summary>Average messages per second as recorded.</summary>
    public double RecordedRate { get; }

    /// <summary>Path of the capture under <c>tests/fixtures</c>.</summary>
    public static string FixturePath => Path.Combine("binance", "hftbacktest", "spot", "btcusdt_20240808.gz");

    /// <summary>Loads (once per process) the capture at <paramref name="path"/>.</summary>
    public static E2EFeed Load(string path) =>
        s_loaded.GetOrAdd(Path.GetFullPath(path), full => new Lazy<E2EFeed>(() => Create(full))).Value;

    /// <summary>The replay speed factor that plays the capture at <paramref name="messagesPerSecond"/> on average.</summary>
    public double SpeedFactorFor(double messagesPerSecond) => messagesPerSecond / RecordedRate;

    /// <summary>The capture index of the message with <paramref name="key"/>.</summary>
    public bool TryIndexOf(long key, out int index) => _indexByKey.TryGetValue(key, out index);

    private static E2EFeed Create(string path)
    {
        var feed = RecordedFeed.Load("binance", path);
        var definition = ExchangeCatalog.Get(Venue);
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec(definition.Exchange, definition.Market, Symbol,
            definition.DefaultScales.PriceScale, definition.DefaultScales.QuantityScale));
        var parser = definition.CreateParser(registry, ParserOptions.Default);
        var indexByKey = new Dictionary<long, int>(feed.Count);
        for (int i = 0; i < feed.Count; i++)
        {
            var sink = new LastEventSink();
            parser.Parse(feed.Payload(i).Span, new MessageContext(0), ref sink);
            if (sink.Count == 0 || KeyOf(in sink.Last) is not { } key)
                throw new InvalidDataException($"{path}: message {i} parsed into no depth, trade or bookTicker event; expected every replayed message to be one of them.");
            if (!indexByKey.TryAdd(key, i))
                throw new InvalidDataException($"{path}: message {i} repeats the id of message {indexByKey[key]}; expected ids unique per stream.");
        }
        return new E2EFeed(feed, indexByKey);
    }

    /// <summary>The key of the event that completes a message, or null for any other event.</summary>
    public static long? KeyOf(in MarketEvent e) => e.Kind switch
    {
        MarketEventKind.BookEnd => MessageKey.Of(RecordedStream.Depth, e.Sequence),
        MarketEventKind.Trade => MessageKey.Of(RecordedStream.Trade, e.TradeId),
        MarketEventKind.BestBidOffer => MessageKey.Of(RecordedStream.BookTicker, e.Sequence),
        _ => null,
    };
}
