using System.Diagnostics;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Logging;
using LowLatency.Engine.Options;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Exchanges;
using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Feed;

/// <summary>
/// The unified data feed: WebSocket cache first, REST second. A read is served from the cache when
/// its channel is synced and fresh; when nobody subscribes the channel yet, it is subscribed (by
/// the feed's own session, which keeps it) and the read waits a bounded time for the first update;
/// otherwise the read goes to the venue's REST lane at Normal priority and is marked
/// <see cref="DataQuality.Degraded"/>.
/// </summary>
/// <remarks>A channel that is subscribed but stale goes straight to REST: waiting would only add latency to a read the stream cannot serve.</remarks>
internal sealed class MarketDataFeed
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly EngineOptions _options;
    private readonly bool _webSocket;
    private readonly VenueCatalog _venues;
    private readonly ConnectionPool _pool;
    private readonly Lazy<StrategySession> _session;
    private readonly TickerCache _tickers;
    private readonly BookTopCache _books;
    private readonly CandleCache _candles;
    private readonly DataQualityMonitor _quality;
    private readonly ILogger _logger;
    private long _hits;
    private long _waits;
    private long _fallbacks;
    private long _failures;

    public MarketDataFeed(EngineOptions options, bool webSocket, VenueCatalog venues, ConnectionPool pool, Func<StrategySession> session,
        TickerCache tickers, BookTopCache books, CandleCache candles, DataQualityMonitor quality, ILogger logger)
    {
        _options = options;
        _webSocket = webSocket;
        _venues = venues;
        _pool = pool;
        _session = new Lazy<StrategySession>(session);
        _tickers = tickers;
        _books = books;
        _candles = candles;
        _quality = quality;
        _logger = logger;
    }

    public FeedCounters Counters => new(Volatile.Read(ref _hits), Volatile.Read(ref _waits), Volatile.Read(ref _fallbacks), Volatile.Read(ref _failures));

    public async ValueTask<TickerResult> GetTickerAsync(string venueName, string symbol, CancellationToken cancellationToken)
    {
        var (venue, instrument) = Resolve(venueName, symbol);
        var channel = venue.TickerChannel;
        if (await FromStreamAsync(venue, instrument, channel, CandleInterval.OneMinute, cancellationToken).ConfigureAwait(false)
            && _tickers.TryGet(instrument.Id, out var cached))
        {
            return new TickerResult(instrument, cached, DataSource.Cache, DataQuality.Synced);
        }
        return await TickerFromRestAsync(venue, instrument, channel, cancellationToken).ConfigureAwait(false);
    }

    // The REST paths live in their own methods: a lambda capturing a local makes the compiler
    // allocate its closure where that local's scope begins, which would put an allocation on
    // every cache hit.
    private async ValueTask<TickerResult> TickerFromRestAsync(ExchangeVenue venue, Instrument instrument, MarketChannels channel,
        CancellationToken cancellationToken)
    {
        var rest = FallbackOf(venue);
        var ticker = await FallbackAsync(venue, instrument, channel, rest.TickerPath(instrument),
            (body, received) => rest.ParseTicker(body.Span, instrument, received), cancellationToken).ConfigureAwait(false);
        return new TickerResult(instrument, ticker, DataSource.Rest, DataQuality.Degraded);
    }

    public async ValueTask<BookResult> GetBookAsync(string venueName, string symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, BookTopLevels.Depth);
        var (venue, instrument) = Resolve(venueName, symbol);
        if (await FromStreamAsync(venue, instrument, MarketChannels.Book, CandleInterval.OneMinute, cancellationToken).ConfigureAwait(false)
            && _books.TryGet(instrument.Id, out var cached) && cached.State == BookDataState.Live)
        {
            return new BookResult(instrument, Cut(cached, depth), DataSource.Cache, DataQuality.Synced);
        }
        return await BookFromRestAsync(venue, instrument, depth, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<BookResult> BookFromRestAsync(ExchangeVenue venue, Instrument instrument, int depth, CancellationToken cancellationToken)
    {
        var rest = FallbackOf(venue);
        var book = await FallbackAsync(venue, instrument, MarketChannels.Book, rest.BookPath(instrument, depth),
            (body, received) => rest.ParseBook(body.Span, instrument, depth, received), cancellationToken).ConfigureAwait(false);
        return new BookResult(instrument, book, DataSource.Rest, DataQuality.Degraded);
    }

    public async ValueTask<CandlesResult> GetOhlcvAsync(string venueName, string symbol, CandleInterval interval, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, CandleCache.DefaultDepth);
        var (venue, instrument) = Resolve(venueName, symbol);
        if (_candles.Keeps(interval) && limit <= _candles.Depth
            && await FromStreamAsync(venue, instrument, MarketChannels.Candles, interval, cancellationToken).ConfigureAwait(false))
        {
            var buffer = new Candle[limit];
            int copied = _candles.CopyLatest(instrument.Id, interval, buffer, out _);
            if (copied > 0)
                return new CandlesResult(instrument, interval, buffer[..copied], DataSource.Cache, DataQuality.Synced);
        }
        return await CandlesFromRestAsync(venue, instrument, interval, limit, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<CandlesResult> CandlesFromRestAsync(ExchangeVenue venue, Instrument instrument, CandleInterval interval, int limit,
        CancellationToken cancellationToken)
    {
        var rest = FallbackOf(venue);
        var candles = await FallbackAsync(venue, instrument, MarketChannels.Candles, rest.CandlesPath(instrument, interval, limit),
            (body, _) => rest.ParseCandles(body.Span, instrument, limit), cancellationToken).ConfigureAwait(false);
        return new CandlesResult(instrument, interval, candles, DataSource.Rest, DataQuality.Degraded);
    }

    private (ExchangeVenue Venue, Instrument Instrument) Resolve(string venueName, string symbol)
    {
        var venue = _venues.Get(venueName);
        return (venue, _venues.Resolve(venue, symbol));
    }

    /// <summary>True when the cache can serve the read, subscribing and waiting for a first update when nobody subscribes the channel.</summary>
    private async ValueTask<bool> FromStreamAsync(ExchangeVenue venue, Instrument instrument, MarketChannels channel, CandleInterval interval,
        CancellationToken cancellationToken)
    {
        if (!_webSocket)
            return false;
        if (_quality.Get(instrument.Id, channel).Quality == DataQuality.Synced)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }
        if (_pool.IsSubscribed(instrument, channel))
            return false;
        await _session.Value.SubscribeAsync(venue.Definition.Name, instrument.Symbol, channel, interval, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _waits);
        long deadline = Stopwatch.GetTimestamp() + (long)(_options.FirstUpdateWait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_quality.Get(instrument.Id, channel).Quality == DataQuality.Synced)
                return true;
            if (Stopwatch.GetTimestamp() >= deadline)
                return false;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<T> FallbackAsync<T>(ExchangeVenue venue, Instrument instrument, MarketChannels channel, string path,
        Func<ReadOnlyMemory<byte>, long, T> parse, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fallbacks);
        try
        {
            var response = await venue.Rest.GetAsync(path, RestPriority.Normal, cancellationToken).ConfigureAwait(false);
            var value = parse(response.Body, Stopwatch.GetTimestamp());
            _quality.MarkDegraded(instrument.Id, channel);
            return value;
        }
        catch (Exception ex) when (ex is RestException or FormatException)
        {
            Interlocked.Increment(ref _failures);
            EngineLog.FallbackFailed(_logger, instrument.ToString(), ex.Message);
            throw;
        }
    }

    private static IRestMarketData FallbackOf(ExchangeVenue venue) =>
        venue.Fallback ?? throw new NotSupportedException(
            $"{venue.Definition.Name} has no REST market-data fallback in this engine, and its stream cannot serve the read now; subscribe the channel and read once it is synced.");

    private static BookTopSnapshot Cut(BookTopSnapshot snapshot, int depth)
    {
        snapshot.BidCount = Math.Min(snapshot.BidCount, depth);
        snapshot.AskCount = Math.Min(snapshot.AskCount, depth);
        return snapshot;
    }
}
