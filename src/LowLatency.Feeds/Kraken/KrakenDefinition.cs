using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Kraken;

/// <summary>Kraken spot over WebSocket v2 (<c>kraken</c>).</summary>
/// <remarks>
/// Books come from the stream (snapshot on subscribe) and carry no sequence: the CRC-32 checksum
/// of every message guards them, and the book is truncated to the subscribed depth after each
/// message, as Kraken's own book is. The checksum renders levels at the pair's precisions, so
/// instruments must come from the <c>instrument</c> channel (or a recorded snapshot of it); the
/// default scales for unknown pairs cannot reproduce Kraken's checksum.
/// </remarks>
public sealed class KrakenDefinition : IExchangeDefinition
{
    /// <summary>Exchange name used for instruments.</summary>
    public const string ExchangeName = "kraken";

    /// <summary>Market name used for instruments.</summary>
    public const string MarketName = "spot";

    /// <summary>Book depth when none is asked for (Kraken's default).</summary>
    public const int DefaultDepth = 10;

    private static readonly int[] Depths = [10, 25, 100, 500, 1000];
    private readonly Dictionary<int, BookRules> _rules = Depths.ToDictionary(d => d, d => new BookRules(
        BookSequenceRule.None, SnapshotSource.Stream, KrakenBookChecksum.Instance, MaxDepth: d));

    /// <inheritdoc />
    public string Name => "kraken";

    /// <inheritdoc />
    public string Exchange => ExchangeName;

    /// <inheritdoc />
    public string Market => MarketName;

    /// <inheritdoc />
    public ExchangeEndpoints Endpoints { get; } = new(new Uri("wss://ws.kraken.com/v2"), new Uri("https://api.kraken.com"));

    /// <inheritdoc />
    public InstrumentScales DefaultScales => new(8, 8);

    /// <inheritdoc />
    /// <remarks>Kraken sends a heartbeat every second once subscribed; the client pings with <c>{"method":"ping"}</c>.</remarks>
    public KeepAlivePolicy KeepAlive { get; } = new(TimeSpan.FromSeconds(30), """{"method":"ping"}""", TimeSpan.FromSeconds(10), ServerPings: false, MaxConnectionLifetime: null);

    /// <inheritdoc />
    public ISubscriptionBuilder Subscriptions { get; } = new KrakenSubscriptionBuilder(new Uri("wss://ws.kraken.com/v2"));

    /// <inheritdoc />
    public BookRules CreateBookRules(int subscribedDepth) => _rules[ValidDepth(subscribedDepth)];

    /// <inheritdoc />
    public Uri? BookSnapshotUri(string symbol) => null;

    /// <inheritdoc />
    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options) =>
        new KrakenParser(new SymbolResolver(instruments, ExchangeName, MarketName, DefaultScales, options.UnknownSymbols), options.LevelCapacity);

    /// <summary>The depth Kraken serves for <paramref name="requested"/> (0 = <see cref="DefaultDepth"/>).</summary>
    /// <exception cref="NotSupportedException">Kraken has no such depth.</exception>
    public static int ValidDepth(int requested)
    {
        var depth = requested == 0 ? DefaultDepth : requested;
        if (Array.IndexOf(Depths, depth) < 0)
            throw new NotSupportedException($"Received book depth {requested}; Kraken offers 10, 25, 100, 500 and 1000.");
        return depth;
    }
}
