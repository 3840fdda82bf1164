using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>Binance COIN-M futures (<c>binance-coinm</c>).</summary>
public sealed class BinanceCoinmDefinition : IExchangeDefinition
{
    private readonly BinanceVenue _venue = new(BinanceMarket.CoinM, "wss://dstream.binance.com/stream", "https://dapi.binance.com", "/dapi/v1/depth", TimeSpan.FromSeconds(420));

    /// <inheritdoc />
    public string Name => "binance-coinm";

    /// <inheritdoc />
    public string Exchange => "binance";

    /// <inheritdoc />
    public string Market => "coinm";

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
