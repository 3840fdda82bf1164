using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Bybit;

/// <summary>Bybit v5 spot (<c>bybit-spot</c>).</summary>
public sealed class BybitSpotDefinition : IExchangeDefinition
{
    private readonly BybitVenue _venue = new(BybitMarket.Spot);

    /// <inheritdoc />
    public string Name => "bybit-spot";

    /// <inheritdoc />
    public string Exchange => "bybit";

    /// <inheritdoc />
    public string Market => "spot";

    /// <inheritdoc />
    public ExchangeEndpoints Endpoints => _venue.Endpoints;

    /// <inheritdoc />
    public InstrumentScales DefaultScales => BybitVenue.DefaultScales;

    /// <inheritdoc />
    public KeepAlivePolicy KeepAlive => BybitVenue.KeepAlive;

    /// <inheritdoc />
    public ISubscriptionBuilder Subscriptions => _venue.Subscriptions;

    /// <inheritdoc />
    public BookRules CreateBookRules(int subscribedDepth) => BybitVenue.Rules;

    /// <inheritdoc />
    /// <remarks>Bybit sends book snapshots on the stream; a resync resubscribes.</remarks>
    public Uri? BookSnapshotUri(string symbol) => null;

    /// <inheritdoc />
    public IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options) =>
        BybitVenue.CreateParser(instruments, options, Exchange, Market);
}
