using LowLatency.Core.Instruments;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Options;
using LowLatency.Engine.Publishing;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Rest.Exchanges;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Signing;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Venues;

/// <summary>
/// One venue as the engine uses it: its definition, effective endpoints, book rules, REST lane,
/// REST parser for book snapshots, fallback market data and connect hook.
/// </summary>
/// <remarks>Created once per venue on first use and shared by the connection, the resync path and the data feed.</remarks>
internal sealed class ExchangeVenue : IAsyncDisposable
{
    private readonly RestSnapshotPublisher _snapshots;
    private bool _offline;

    public ExchangeVenue(IExchangeDefinition definition, ExchangeOptions options, InstrumentRegistry instruments, int bookBufferEvents, ILogger logger)
    {
        Definition = definition;
        Options = options;
        Key = definition.Exchange + "_" + definition.Market;
        VenueId = instruments.GetOrAddVenue(definition.Exchange, definition.Market);
        var rules = definition.CreateBookRules(options.BookDepth);
        BookRules = bookBufferEvents > 0 ? rules with { MaxBufferedEvents = bookBufferEvents } : rules;
        RestBase = options.RestUrl ?? definition.Endpoints.Rest;
        Rest = new RestLane(LaneOptions(definition, options, RestBase), logger);
        _snapshots = new RestSnapshotPublisher(definition.CreateParser(instruments, ParserOptions.Default));
        Fallback = FallbackFor(definition);
    }

    /// <summary>The venue definition.</summary>
    public IExchangeDefinition Definition { get; }

    /// <summary>The venue's settings.</summary>
    public ExchangeOptions Options { get; }

    /// <summary>The connection key, <c>{exchange}_{market}</c>, e.g. <c>binance_spot</c>.</summary>
    public string Key { get; }

    /// <summary>The venue id in the instrument registry.</summary>
    public int VenueId { get; }

    /// <summary>Book rules at the configured depth.</summary>
    public BookRules BookRules { get; }

    /// <summary>The REST base URL in use.</summary>
    public Uri RestBase { get; }

    /// <summary>The venue's REST lane (its own HttpClient, priorities and rate limit).</summary>
    public RestLane Rest { get; }

    /// <summary>REST market data for fallback reads, or null when the engine has none for this exchange.</summary>
    public IRestMarketData? Fallback { get; }

    /// <summary>
    /// True once an offline feed serves this venue (<see cref="MarketDataEngine.OpenOfflineFeed"/>):
    /// sessions then subscribe without opening a connection, and data quality reads the fed data alone.
    /// </summary>
    public bool IsOffline => Volatile.Read(ref _offline);

    /// <summary>Marks the venue as served by an offline feed.</summary>
    public void MarkOffline() => Volatile.Write(ref _offline, true);

    /// <summary>The stream channel that keeps tickers fresh on this venue.</summary>
    public MarketChannels TickerChannel => Fallback?.TickerChannel ?? MarketChannels.Ticker;

    /// <summary>The WebSocket URL of the venue's subscriptions, with the configured base URL applied.</summary>
    public Uri WebSocketUri(SubscriptionRequest request)
    {
        var exchangeUri = Definition.Subscriptions.BuildConnectUri(request);
        if (Options.WebSocketUrl is not { } custom)
            return exchangeUri;
        if (custom.AbsolutePath.Length > 1 || custom.Query.Length > 0)
            return custom;
        return new UriBuilder(custom) { Path = exchangeUri.AbsolutePath, Query = exchangeUri.Query.TrimStart('?') }.Uri;
    }

    /// <summary>The REST path and query of a book snapshot of <paramref name="instrument"/>, or null when the venue's books snapshot from the stream.</summary>
    public string? SnapshotPath(Instrument instrument) =>
        BookRules.Snapshots == SnapshotSource.Rest && Definition.BookSnapshotUri(instrument.Symbol) is { } uri ? uri.PathAndQuery : null;

    /// <summary>Parses a REST book snapshot of <paramref name="instrumentId"/> and publishes its events.</summary>
    public ParseResult PublishSnapshot(string pathAndQuery, ReadOnlySpan<byte> body, int instrumentId, long receiveTimestamp, EventPublisher publisher) =>
        _snapshots.Publish(System.Text.Encoding.UTF8.GetBytes(pathAndQuery), body, instrumentId, receiveTimestamp, publisher);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Rest.DisposeAsync();

    private static RestLaneOptions LaneOptions(IExchangeDefinition definition, ExchangeOptions options, Uri restBase)
    {
        var credentials = options.ApiKey is { Length: > 0 } key && options.ApiSecret is { Length: > 0 } secret
            ? new ExchangeCredentials(definition.Exchange, key, secret, options.ApiPassphrase)
            : null;
        var profile = definition.Exchange switch
        {
            "binance" => RestExchangeProfiles.Binance(credentials),
            "bybit" => RestExchangeProfiles.Bybit(credentials),
            "kraken" => RestExchangeProfiles.Kraken(credentials),
            "kucoin" => RestExchangeProfiles.KuCoin(credentials),
            _ => new RestLaneOptions { Exchange = definition.Exchange, BaseAddress = restBase },
        };
        return profile with { BaseAddress = restBase };
    }

    /// <summary>The REST market data of <paramref name="definition"/>'s exchange, or null when the engine has none.</summary>
    internal static IRestMarketData? FallbackFor(IExchangeDefinition definition) => definition.Exchange switch
    {
        "binance" when definition.BookSnapshotUri("BTCUSDT") is { } depth => new BinanceRestMarketData(depth.AbsolutePath),
        "kraken" => new KrakenRestMarketData(),
        "bybit" => new BybitRestMarketData(definition.Market),
        "kucoin" => new KuCoinRestMarketData(futures: definition.Market == "futures"),
        "okx" => new OkxRestMarketData(),
        _ => null,
    };
}
