using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Bybit;

/// <summary>What the Bybit market definitions share; each definition fixes the market.</summary>
/// <remarks>
/// Book snapshots come from the stream (after subscribing, and again whenever Bybit resets a
/// book), and each topic's <c>u</c> grows by one per message. Bybit keeps the book at the
/// subscribed depth itself (a level leaving the depth is deleted with size 0), so no truncation
/// is needed. The client must ping: <c>{"op":"ping"}</c> every 20 s keeps the connection open.
/// </remarks>
internal sealed class BybitVenue
{
    /// <summary>Book depth subscribed when a request leaves it to the venue.</summary>
    public const int DefaultDepth = 50;

    private static readonly int[] LinearDepths = [1, 50, 200, 500];
    private static readonly int[] SpotDepths = [1, 50, 200, 1000];

    public BybitVenue(BybitMarket market)
    {
        var path = market == BybitMarket.Spot ? "spot" : "linear";
        Endpoints = new ExchangeEndpoints(new Uri($"wss://stream.bybit.com/v5/public/{path}"), new Uri("https://api.bybit.com"));
        Subscriptions = new BybitSubscriptionBuilder(Endpoints.PublicWebSocket, market == BybitMarket.Spot ? SpotDepths : LinearDepths, DefaultDepth);
    }

    /// <summary>
    /// Decimal places for instruments without instrument data: prices to 8 places cover every
    /// listed tick size; quantities to 6 places cover the finest spot lot (0.000001 BTC) while a
    /// 24 h spot volume of trillions of meme-coin units still fits a 64-bit value.
    /// </summary>
    public static InstrumentScales DefaultScales => new(8, 6);

    public static KeepAlivePolicy KeepAlive { get; } =
        new(TimeSpan.FromSeconds(20), "{\"op\":\"ping\"}", TimeSpan.FromSeconds(45), ServerPings: false, MaxConnectionLifetime: null);

    public static BookRules Rules { get; } = new(BookSequenceRule.FirstFollowsLast, SnapshotSource.Stream);

    public ExchangeEndpoints Endpoints { get; }

    public ISubscriptionBuilder Subscriptions { get; }

    public static IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options, string exchange, string market)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BybitParser(new SymbolResolver(instruments, exchange, market, DefaultScales, options.UnknownSymbols), options.LevelCapacity);
    }
}
