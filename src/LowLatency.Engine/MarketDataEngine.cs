using System.Diagnostics;
using IMeterFactory = System.Diagnostics.Metrics.IMeterFactory;
using LowLatency.Core.Instruments;
using LowLatency.Core.Metrics;
using LowLatency.Core.Ring;
using LowLatency.Core.Snapshots;
using LowLatency.Core.Threading;
using LowLatency.Engine.Books;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Consumers;
using LowLatency.Engine.Feed;
using LowLatency.Engine.Logging;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Offline;
using LowLatency.Engine.Options;
using LowLatency.Engine.Publishing;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Risk;
using LowLatency.Engine.Strategies;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.WebSockets.Reconnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowLatency.Engine;

/// <summary>
/// The market-data engine: pooled WebSocket connections whose reader threads parse every message
/// into fixed-size events and publish them into one ring, a cache consumer that keeps the order
/// books and the seqlock caches, and risk and signal consumers after it; plus the unified data
/// feed (cache first, REST fallback), data-quality tracking and metrics. Build it with
/// <see cref="EngineBuilder"/>.
/// </summary>
/// <remarks>
/// <para><b>One multi-producer ring.</b> Every connection's reader, the REST snapshot path and the
/// quality monitor publish into the same ring, consumed by
/// <c>HandleEventsWith(cache).Then(risk, signals)</c> (or the three in turn on one thread). One
/// ring means one cache consumer owns all books and caches and one signal consumer runs all
/// strategies, whatever the number of venues: at most three consumer threads in all, which a 2-core
/// machine can run. Per-connection rings would need a
/// consumer graph per connection (three more threads each) and would split the strategies'
/// view across threads. The price is one atomic add per claim, paid once per message, since a
/// message's events are claimed and published together.</para>
/// <para><b>Threads.</b> One receive thread per connection; the three consumers on three threads
/// when each can spin on a spare core of its own, otherwise in turn on one thread (see
/// <see cref="EngineOptions.ConsumerThreads"/>), waiting per <see cref="CpuPlan"/>; a snapshot
/// thread and a quality thread that sleep when idle, and the REST lanes' workers.</para>
/// <para>Dispose it to close every connection, stop the consumers and release the REST lanes.</para>
/// </remarks>
public sealed class MarketDataEngine : IAsyncDisposable
{
    private readonly EngineOptions _options;
    private readonly ILogger _logger;
    private readonly RingBuffer<MarketEvent> _ring;
    private readonly ConsumerGraph<MarketEvent> _graph;
    private readonly CacheConsumer _cache;
    private readonly RiskConsumer _riskConsumer;
    private readonly SignalConsumer _signal;
    private readonly InstrumentBoard _board;
    private readonly VenueCatalog _venues;
    private readonly StrategyHost _host;
    private readonly ConnectionPool _pool;
    private readonly SnapshotRequester _snapshots;
    private readonly DataQualityMonitor _quality;
    private readonly MarketDataFeed _feed;
    private readonly EventPublisher _statusPublisher;
    private readonly Lock _statusGate = new();
    private readonly List<ConnectionReader> _readers = [];
    private readonly Lock _readersGate = new();
    private readonly EngineMeters _meters;
    private int _disposed;

    internal MarketDataEngine(EngineOptions options, InstrumentRegistry instruments, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory,
        ICacheVisibilityObserver? cacheObserver = null)
    {
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LowLatency.Engine");
        Instruments = instruments;
        WebSocketEnabled = options.EnableWebSocket ?? WebSocketSwitch.FromEnvironment();
        int capacity = options.InstrumentCapacity;
        Tickers = new TickerCache(capacity);
        BookTops = new BookTopCache(capacity);
        CandleInterval[] intervals = options.CandleIntervals.Count == 0 ? [CandleInterval.OneMinute] : [.. options.CandleIntervals.Distinct()];
        Candles = new CandleCache(capacity, intervals, options.CandleDepth);
        Risk = new RiskState(capacity, options.Risk.Clone());
        _board = new InstrumentBoard(capacity);

        CpuPlan = ConsumerPlacement.Plan(options);
        bool sharedThread = CpuPlan.ConsumerThreads == 1;
        _ring = new RingBuffer<MarketEvent>(new RingBufferOptions<MarketEvent>
        {
            Capacity = options.RingSize,
            Name = "market",
            ProducerType = ProducerType.Multi,
            WaitStrategy = CpuPlan.CreateWaitStrategy(),
            FullRingPolicy = options.FullRingPolicy,
        });
        _statusPublisher = new EventPublisher(_ring);

        _venues = new VenueCatalog(options, instruments, _logger);
        _host = new StrategyHost(capacity);
        _pool = new ConnectionPool(_venues, _host, Connect, (id, channel, on) => _quality!.Track(id, channel, on), WebSocketEnabled);
        _snapshots = new SnapshotRequester(instruments, _venues, _board, _pool.Find, new EventPublisher(_ring), _logger);
        var books = new OrderBookSet(instruments, _venues.RulesFor, _snapshots);
        _cache = new CacheConsumer(_ring, books, Tickers, BookTops, Candles, _board, new AllocationProbe(sharedThread ? "cache+risk+signal" : "cache"), cacheObserver);
        _riskConsumer = new RiskConsumer(Tickers, Risk, sharedThread ? null : new AllocationProbe("risk"));
        _signal = new SignalConsumer(_ring, _host, () => _pool.Sessions, sharedThread ? null : new AllocationProbe("signal"));
        _graph = new ConsumerGraph<MarketEvent>(_ring, new ConsumerGraphOptions { Logger = _logger, CpuPlan = CpuPlan });
        if (sharedThread)
            _graph.HandleEventsWith(new ConsumerChain(_cache, _riskConsumer, _signal), new ConsumerOptions { Name = "engine-consumers" });
        else
            _graph.HandleEventsWith(_cache, new ConsumerOptions { Name = "engine-cache" }).Then(_riskConsumer, _signal);
        _graph.Start();

        _quality = new DataQualityMonitor(instruments, _board, options.Freshness.Clone(), _venues, _pool.Find, WebSocketEnabled,
            options.QualityCheckInterval, OnQualityChanged);
        _feed = new MarketDataFeed(options, WebSocketEnabled, _venues, _pool, () => AddStrategy("data-feed"), Tickers, BookTops, Candles, _quality, _logger);
        _meters = new EngineMeters(this, meterFactory);
        EngineLog.Started(_logger, _ring.Capacity, _ring.Policy.ToString(), CpuPlan.ToString(), WebSocketEnabled ? "on" : "off (REST only)");
    }

    /// <summary>Instruments by id; ids index every cache.</summary>
    public InstrumentRegistry Instruments { get; }

    /// <summary>False when every read is served from REST (<c>ENABLE_WEBSOCKET=false</c>).</summary>
    public bool WebSocketEnabled { get; }

    /// <summary>How the consumer threads wait and where they run (one consumer thread when the consumers share it).</summary>
    public CpuPlan CpuPlan { get; }

    /// <summary>Latest ticker per instrument id (lock-free reads from any thread).</summary>
    public TickerCache Tickers { get; }

    /// <summary>Latest top 10 book levels per instrument id (lock-free reads from any thread).</summary>
    public BookTopCache BookTops { get; }

    /// <summary>Latest candles per instrument id and timeframe (lock-free reads from any thread).</summary>
    public CandleCache Candles { get; }

    /// <summary>Per-instrument market state, positions, limits and the kill switch the pre-trade checks use.</summary>
    public RiskState Risk { get; }

    /// <summary>The data-quality state of a subscribed instrument and channel changed (raised on the quality thread).</summary>
    /// <remarks>Strategies receive the same changes through <see cref="IStrategy.OnDataQualityChanged"/> on the signal thread.</remarks>
    public event EventHandler<DataQualityChange>? DataQualityChanged;

    /// <summary>The engine's meter name (<see cref="System.Diagnostics.Metrics"/>).</summary>
    public static string MeterName => EngineMeters.Name;

    /// <summary>Attaches a strategy (or, without one, a session that only keeps data subscribed).</summary>
    /// <param name="name">A unique name, shown in status reports.</param>
    /// <param name="strategy">Receives the events of what the session subscribes; null for none.</param>
    /// <exception cref="InvalidOperationException">Another session has that name.</exception>
    public StrategySession AddStrategy(string name, IStrategy? strategy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var session = new StrategySession(name, strategy, _pool, _logger);
        _pool.Add(session);
        return session;
    }

    /// <summary>The instrument <paramref name="symbol"/> of <paramref name="venue"/> (registered with the venue's scales when new).</summary>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public Instrument GetInstrument(string venue, string symbol) => _venues.Resolve(_venues.Get(venue), symbol);

    /// <summary>
    /// The ticker of <paramref name="symbol"/>: from the cache when its quote channel is synced and
    /// fresh; else, when nobody subscribes it, subscribed and awaited for up to
    /// <see cref="EngineOptions.FirstUpdateWait"/>; else from REST, marked <see cref="DataQuality.Degraded"/>.
    /// </summary>
    /// <exception cref="Rest.Errors.RestException">The REST fallback failed.</exception>
    /// <exception cref="NotSupportedException">The venue has no REST fallback and the stream cannot serve the read.</exception>
    public ValueTask<TickerResult> GetTickerAsync(string venue, string symbol, CancellationToken cancellationToken = default) =>
        _feed.GetTickerAsync(venue, symbol, cancellationToken);

    /// <summary>The top <paramref name="depth"/> (1 to 10) book levels of <paramref name="symbol"/>, served like <see cref="GetTickerAsync"/>.</summary>
    public ValueTask<BookResult> GetBookAsync(string venue, string symbol, int depth = BookTopLevels.Depth, CancellationToken cancellationToken = default) =>
        _feed.GetBookAsync(venue, symbol, depth, cancellationToken);

    /// <summary>The latest <paramref name="limit"/> (1 to 500) candles of <paramref name="timeframe"/>, served like <see cref="GetTickerAsync"/>.</summary>
    /// <remarks>The cache serves only the timeframes in <see cref="EngineOptions.CandleIntervals"/>; others come from REST.</remarks>
    public ValueTask<CandlesResult> GetOhlcvAsync(string venue, string symbol, CandleInterval timeframe, int limit = 100, CancellationToken cancellationToken = default) =>
        _feed.GetOhlcvAsync(venue, symbol, timeframe, limit, cancellationToken);

    /// <summary>The data-quality state of one channel of <paramref name="symbol"/>.</summary>
    public DataQualityState GetDataQuality(string venue, string symbol, MarketChannels channel)
    {
        _ = TrackedChannels.IndexOf(channel);
        return _quality.Get(GetInstrument(venue, symbol).Id, channel);
    }

    /// <summary>
    /// Opens a feed of recorded messages for <paramref name="venue"/>: what it is fed goes through
    /// the venue's parser, the ring and every consumer exactly as a connection's messages would,
    /// with no connection (the offline <c>replay</c>, tests, embedding a recorded day).
    /// </summary>
    /// <param name="venue">The venue, e.g. <c>binance-spot</c>.</param>
    /// <param name="registerUnknownSymbols">Register symbols met in the recording with the venue's default scales (else their messages are unknown-symbol errors).</param>
    /// <remarks>
    /// The venue's books then take their snapshots from the recording (their requests are not sent
    /// anywhere), and strategy sessions subscribe its instruments without opening a connection:
    /// they receive the fed events on the signal thread as they would live ones. Open one per venue,
    /// before its data flows.
    /// </remarks>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public OfflineFeed OpenOfflineFeed(string venue, bool registerUnknownSymbols = false)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var exchange = _venues.Get(venue);
        var options = (registerUnknownSymbols ? ParserOptions.Discovering : ParserOptions.Default) with { LevelCapacity = _options.ReaderBufferEvents };
        var reader = new ConnectionReader(exchange.Definition.CreateParser(Instruments, options), new EventPublisher(_ring), exchange.Key, _options.ReaderBufferEvents);
        lock (_readersGate)
            _readers.Add(reader);
        var rest = new RestSnapshotPublisher(exchange.Definition.CreateParser(Instruments, options));
        var feed = new OfflineFeed(exchange.Definition.Name, reader, rest, new EventPublisher(_ring), WaitForConsumers, _board.BookQuality);
        _snapshots.Redirect(exchange.VenueId, feed);
        exchange.MarkOffline();
        return feed;
    }

    /// <summary>
    /// The order book of <paramref name="symbol"/> as the cache consumer last published it: its
    /// quality, depth per side and counters (gaps, resyncs, checksums, cross-checks).
    /// </summary>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public BookStatus GetBookStatus(string venue, string symbol) => GetBookStatus(GetInstrument(venue, symbol));

    /// <summary>The order book of <paramref name="instrument"/> as the cache consumer last published it.</summary>
    public BookStatus GetBookStatus(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return _board.Status(instrument);
    }

    /// <summary>Connections (state, subscribers, topics, last message, error) and strategy sessions.</summary>
    public ConnectionPoolStatus GetConnectionStatus() => _pool.Status();

    /// <summary>Everything the engine measures, now.</summary>
    public EngineStatus GetStatus()
    {
        ConnectionReader[] readers;
        lock (_readersGate)
            readers = [.. _readers];
        var parsed = new LatencyHistogram();
        var published = new LatencyHistogram();
        long messages = 0, events = 0, errors = 0;
        var channels = new List<ChannelMessages>();
        var threads = new List<ThreadAllocation>();
        foreach (var reader in readers)
        {
            parsed.Add(reader.ParsedLatency);
            published.Add(reader.PublishedLatency);
            messages += reader.Messages;
            events += reader.Events;
            errors += reader.Errors;
            for (int c = 0; c < TrackedChannels.Count; c++)
            {
                if (reader.ChannelMessages(c) is var count and > 0)
                    channels.Add(new ChannelMessages(reader.Key, TrackedChannels.All[c].ToString(), count));
            }
            if (reader.Heartbeats > 0)
                channels.Add(new ChannelMessages(reader.Key, "heartbeat", reader.Heartbeats));
            var sample = reader.Probe.Latest;
            threads.Add(new ThreadAllocation(reader.Probe.ThreadName, sample.AllocatedBytes, sample.Messages));
        }
        foreach (var probe in new[] { _cache.Probe, _riskConsumer.Probe, _signal.Probe })
        {
            if (probe is null)
                continue;
            var sample = probe.Latest;
            threads.Add(new ThreadAllocation(probe.ThreadName, sample.AllocatedBytes, sample.Messages));
        }
        var latency = new Dictionary<LatencyStage, LatencyPercentiles>
        {
            [LatencyStage.Parsed] = parsed.GetPercentiles(),
            [LatencyStage.Published] = published.GetPercentiles(),
            [LatencyStage.CacheVisible] = _cache.Latency.Snapshot().GetPercentiles(),
            [LatencyStage.Signal] = _signal.Latency.Snapshot().GetPercentiles(),
        };
        var (resyncs, checksums, _) = _board.Totals();
        var pool = _pool.Status();
        var quality = _quality.All().Select(q =>
            new InstrumentQuality($"{q.Instrument.Exchange}_{q.Instrument.Market}", q.Instrument.Symbol, q.Instrument.Id, q.Channel, q.State))
            .OrderBy(q => q.Key, StringComparer.Ordinal).ThenBy(q => q.Symbol, StringComparer.Ordinal).ThenBy(q => q.Channel).ToArray();
        return new EngineStatus(
            DateTimeOffset.UtcNow, messages, events, errors, channels, latency, Ring, _feed.Counters,
            pool.Connections.Sum(c => c.Reconnects), resyncs, checksums, _snapshots.Requests, GcCounts.Now(), threads, quality, pool);
    }

    /// <summary>The ring now.</summary>
    internal RingStatus Ring => new(_ring.Capacity, _ring.Capacity - _ring.RemainingCapacity, _ring.OverrunCount, _ring.Policy);

    /// <summary>Closes every connection, stops the consumers (after they drained what was published) and releases the REST lanes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _pool.DisposeAsync().ConfigureAwait(false);
        _snapshots.Dispose();
        _quality.Dispose();
        await _venues.DisposeAsync().ConfigureAwait(false);
        _graph.DrainAndStop(TimeSpan.FromSeconds(5));
        _meters.Dispose();
    }

    /// <summary>Waits until every consumer has processed what was published before the call; false on timeout.</summary>
    private bool WaitForConsumers(TimeSpan timeout)
    {
        long target = _ring.Cursor;
        long deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var consumers = _graph.Consumers;
        var spin = new SpinWait();
        while (true)
        {
            bool done = true;
            foreach (var consumer in consumers)
                done &= consumer.Sequence.Value >= target || consumer.State is ProcessorState.Halted or ProcessorState.Faulted;
            if (done)
                return true;
            if (Stopwatch.GetTimestamp() >= deadline)
                return false;
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    private FeedConnection Connect(ExchangeVenue venue)
    {
        var parser = venue.Definition.CreateParser(Instruments, ParserOptions.Default with { LevelCapacity = _options.ReaderBufferEvents });
        var reader = new ConnectionReader(parser, new EventPublisher(_ring), venue.Key, _options.ReaderBufferEvents);
        lock (_readersGate)
            _readers.Add(reader);
        var hook = ConnectHooks.For(venue);
        var policy = new ReconnectPolicy { InitialDelay = _options.ReconnectInitialDelay, MaxDelay = _options.ReconnectMaxDelay };
        return new FeedConnection(venue, hook, policy, reader, new EventPublisher(_ring), _logger, _ => _snapshots.Wake());
    }

    private void OnQualityChanged(DataQualityChange change)
    {
        EngineLog.QualityChanged(_logger, change.ToString());
        _host.Enqueue(change);
        lock (_statusGate)
            _statusPublisher.PublishControl(new MarketEvent { Kind = MarketEventKind.Status, InstrumentId = change.Instrument.Id, ReceiveTimestamp = Stopwatch.GetTimestamp() });
        DataQualityChanged?.Invoke(this, change);
    }
}
