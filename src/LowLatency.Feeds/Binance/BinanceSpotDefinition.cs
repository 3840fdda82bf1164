using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>Binance spot (<c>binance-spot</c>).</summary>
public sealed class BinanceSpotDefinition : IExchangeDefinition
{
    private readonly BinanceVenue _venue = new(BinanceMarket.Spot, "wss://stream.binance.com:9443/stream", "https://api.binance.com", "/api/v3/depth", TimeSpan.FromSeconds(60));

    /// <inheritdoc />
    public string Name => "binance-spot";

    /// <inheritdoc />
    public string Exchange => "binance";

    /// <inheritdoc />
    public string Market => "spot";

    /// <inheritdoc />
    public ExchangeEndpoints Endpoints => _venue.Endpoints;

    /// <inheritdoc />
    public InstrumentScales DefaultScales => BinanceVenue.DefaultScales;

    /// <inheritdoc />
    public KeepAlivePolicy KeepAlive => _venue.KeepAlive;

    /// <inheritdoc />
    public ISubscriptionBuilder Subscriptions => _venue.Subscriptions;

    /// <inheritdoc />
    public BookRules CreateBookRules(int subscribedDepth) => _venue.Rules;

    /// <inheritdoc />
    public Uri? BookSnapshotUri(string symbol) => _venue.BookSnapshotUri(symbol);

    /// <inheritdoc />
    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options) =>
        _venue.CreateParser(instruments, options, Exchange, Market);
}
