using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Exchanges;

/// <summary>
/// One venue (an exchange's market) with every part an adapter has: endpoints, subscriptions,
/// parser, book rules and keep-alive rules.
/// </summary>
/// <remarks>
/// Definitions are discovered by reflection (<see cref="ExchangeCatalog"/>): a public sealed class
/// with a parameterless constructor in its exchange's folder is all it takes to add a venue;
/// no shared list is edited. Definitions are immutable and shared; the parser they create is
/// per connection.
/// </remarks>
public interface IExchangeDefinition
{
    /// <summary>Venue name used by the CLI and configuration, e.g. <c>binance-spot</c>, <c>kraken</c>.</summary>
    string Name { get; }

    /// <summary>Exchange name as registered with instruments, e.g. <c>binance</c>.</summary>
    string Exchange { get; }

    /// <summary>Market of the exchange as registered with instruments, e.g. <c>spot</c>, <c>usdm</c>.</summary>
    string Market { get; }

    /// <summary>Public endpoints.</summary>
    ExchangeEndpoints Endpoints { get; }

    /// <summary>Scales for instruments that have no instrument data (replay discovery).</summary>
    InstrumentScales DefaultScales { get; }

    /// <summary>Keep-alive rules.</summary>
    KeepAlivePolicy KeepAlive { get; }

    /// <summary>Connect URL and subscribe messages.</summary>
    ISubscriptionBuilder Subscriptions { get; }

    /// <summary>Book rules for books subscribed at <paramref name="subscribedDepth"/> (0 = the venue's default).</summary>
    BookRules CreateBookRules(int subscribedDepth);

    /// <summary>REST URL of a book snapshot of <paramref name="symbol"/>, or null when snapshots come from the stream.</summary>
    Uri? BookSnapshotUri(string symbol);

    /// <summary>Creates a parser for one connection.</summary>
    IExchangeParser CreateParser(InstrumentRegistry instruments, ParserOptions options);
}
