using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>What the three Binance market definitions share; each definition fixes the market.</summary>
/// <remarks>
/// Binance sends prices and sizes as decimal strings with at most 8 decimals on every market,
/// so 8/8 scales hold any instrument without instrument data. Spot chains depth updates with
/// <c>U = prev u + 1</c>; the futures markets state the predecessor in <c>pu</c>.
/// </remarks>
internal sealed class BinanceVenue
{
    private readonly string _snapshotPath;

    public BinanceVenue(BinanceMarket market, string webSocket, string rest, string snapshotPath, TimeSpan silenceTimeout)
    {
        _snapshotPath = snapshotPath;
        Endpoints = new ExchangeEndpoints(new Uri(webSocket), new Uri(rest));
        Subscriptions = new BinanceSubscriptionBuilder(Endpoints.PublicWebSocket);
        // The server pings (spot every 20 s, futures every 3 min) and drops connections after 24 h.
        KeepAlive = new KeepAlivePolicy(TimeSpan.Zero, null, silenceTimeout, ServerPings: true, MaxConnectionLifetime: TimeSpan.FromHours(24));
        Rules = new BookRules(
            market == BinanceMarket.Spot ? BookSequenceRule.FirstFollowsLast : BookSequenceRule.PreviousEqualsLast,
            SnapshotSource.Rest,
            CrossCheckBestBidOffer: true);
    }

    public ExchangeEndpoints Endpoints { get; }

    public ISubscriptionBuilder Subscriptions { get; }

    public KeepAlivePolicy KeepAlive { get; }

    public BookRules Rules { get; }

    public static InstrumentScales DefaultScales => new(8, 8);

    public Uri BookSnapshotUri(string symbol) =>
        new(Endpoints.Rest, $"{_snapshotPath}?symbol={Uri.EscapeDataString(symbol.ToUpperInvariant())}&limit=1000");

    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options, string exchange, string market) =>
        new BinanceParser(new SymbolResolver(instruments, exchange, market, DefaultScales, options.UnknownSymbols), options.LevelCapacity);
}
