using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Okx;

/// <summary>OKX v5 public market data (<c>okx</c>): spot, swaps, futures and options on one endpoint.</summary>
/// <remarks>
/// <para>
/// OKX instrument ids are unique across instrument types (<c>BTC-USDT</c>, <c>BTC-USDT-SWAP</c>,
/// <c>BTC-USD-220527</c>), so one venue with market <c>all</c> holds them all.
/// </para>
/// <para>
/// Books: the stream sends the snapshot after subscribing and OKX keeps the book at its depth
/// itself; every message carries a CRC-32 of the top 25 (<see cref="OkxBookChecksum"/>) and,
/// since 2023, <c>prevSeqId</c> naming its predecessor. A mismatch resyncs by resubscribing.
/// </para>
/// <para>
/// Keep-alive: OKX drops a connection that is silent for 30 s; the client sends the text
/// <c>ping</c> when nothing arrived for a while and gets the text <c>pong</c>.
/// </para>
/// </remarks>
public sealed class OkxDefinition : IExchangeDefinition
{
    private static readonly BookRules Rules = new(BookSequenceRule.PreviousEqualsLast, SnapshotSource.Stream, OkxBookChecksum.Instance);

    /// <summary>Creates the definition.</summary>
    public OkxDefinition()
    {
        Endpoints = new ExchangeEndpoints(new Uri("wss://ws.okx.com:8443/ws/v5/public"), new Uri("https://www.okx.com"));
        Subscriptions = new OkxSubscriptionBuilder(Endpoints.PublicWebSocket);
    }

    /// <inheritdoc />
    public string Name => "okx";

    /// <inheritdoc />
    public string Exchange => "okx";

    /// <inheritdoc />
    public string Market => "all";

    /// <inheritdoc />
    public ExchangeEndpoints Endpoints { get; }

    /// <inheritdoc />
    /// <remarks>OKX writes at most 8 decimals for prices and sizes of listed instruments.</remarks>
    public InstrumentScales DefaultScales => new(8, 8);

    /// <inheritdoc />
    public KeepAlivePolicy KeepAlive { get; } = new(TimeSpan.FromSeconds(20), "ping", TimeSpan.FromSeconds(30), ServerPings: false, MaxConnectionLifetime: null);

    /// <inheritdoc />
    public ISubscriptionBuilder Subscriptions { get; }

    /// <inheritdoc />
    public BookRules CreateBookRules(int subscribedDepth) => Rules;

    /// <inheritdoc />
    /// <remarks>OKX sends book snapshots on the stream; a resync resubscribes.</remarks>
    public Uri? BookSnapshotUri(string symbol) => null;

    /// <inheritdoc />
    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OkxParser(new SymbolResolver(instruments, Exchange, Market, DefaultScales, options.UnknownSymbols), options.LevelCapacity);
    }
}
