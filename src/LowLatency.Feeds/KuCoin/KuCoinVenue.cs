using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.KuCoin;

/// <summary>What the two KuCoin definitions share; each definition fixes the market.</summary>
/// <remarks>
/// Both markets buffer book updates until a REST snapshot arrives and bridge it with the
/// updates' sequences. Only the spot ticker is known to carry the book's sequence (verified on
/// the recording: 757 of 757 tickers equal the rebuilt top of book), so only spot books
/// cross-check best-bid-offers.
/// </remarks>
internal sealed class KuCoinVenue
{
    private readonly string _snapshotPath;

    public KuCoinVenue(KuCoinMarket market)
    {
        var spot = market == KuCoinMarket.Spot;
        Endpoints = new ExchangeEndpoints(
            new Uri(spot ? "wss://ws-api-spot.kucoin.com/" : "wss://ws-api-futures.kucoin.com/"),
            new Uri(spot ? "https://api.kucoin.com" : "https://api-futures.kucoin.com"));
        _snapshotPath = spot ? "/api/v3/market/orderbook/level2" : "/api/v1/level2/snapshot";
        Subscriptions = new KuCoinSubscriptionBuilder(market, Endpoints.PublicWebSocket);
        Rules = new BookRules(BookSequenceRule.FirstFollowsLast, SnapshotSource.Rest, CrossCheckBestBidOffer: spot);
    }

    /// <summary>
    /// Decimal places for instruments without instrument data: prices to 10 places (KuCoin
    /// quotes <c>0.0000001117</c> BTC), quantities to 8. Spot book sizes of one recorded pair have
    /// 11 decimals while another pair's reach 9 integer digits, so no single default fits every
    /// pair: register instruments with their own scales when that matters.
    /// </summary>
    public static InstrumentScales DefaultScales => new(10, 8);

    public ExchangeEndpoints Endpoints { get; }

    public ISubscriptionBuilder Subscriptions { get; }

    public BookRules Rules { get; }

    public Uri BookSnapshotUri(string symbol) =>
        new(Endpoints.Rest, $"{_snapshotPath}?symbol={Uri.EscapeDataString(symbol)}");

    public static IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options, string exchange, string market)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KuCoinParser(new SymbolResolver(instruments, exchange, market, DefaultScales, options.UnknownSymbols), options.LevelCapacity);
    }
}
