using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.KuCoin;

/// <summary>KuCoin spot (<c>kucoin-spot</c>).</summary>
public sealed class KuCoinSpotDefinition : IExchangeDefinition
{
    private readonly KuCoinVenue _venue = new(KuCoinMarket.Spot);

    /// <inheritdoc />
    public string Name => "kucoin-spot";

    /// <inheritdoc />
    public string Exchange => "kucoin";

    /// <inheritdoc />
    public string Market => "spot";

    /// <inheritdoc />
    public ExchangeEndpoints Endpoints => _venue.Endpoints;

    /// <inheritdoc />
    public InstrumentScales DefaultScales => KuCoinVenue.DefaultScales;

    /// <inheritdoc />
    /// <remarks>KuCoin's documented defaults; a connection uses the values of its bullet token (<see cref="KuCoinBulletToken.KeepAlive"/>).</remarks>
    public KeepAlivePolicy KeepAlive => KuCoinBulletToken.DocumentedDefault;

    /// <inheritdoc />
    public ISubscriptionBuilder Subscriptions => _venue.Subscriptions;

    /// <inheritdoc />
    public BookRules CreateBookRules(int subscribedDepth) => _venue.Rules;

    /// <inheritdoc />
    public Uri? BookSnapshotUri(string symbol) => _venue.BookSnapshotUri(symbol);

    /// <inheritdoc />
    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options) =>
        KuCoinVenue.CreateParser(instruments, options, Exchange, Market);
}
