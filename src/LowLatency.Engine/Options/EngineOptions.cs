using LowLatency.Engine.Connections;
using LowLatency.Core.Ring;
using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Options;

/// <summary>
/// Everything an engine is built from, in a shape the .NET configuration binder understands
/// (section <c>LowLatency</c> of appsettings.json, overridable by environment variables such as
/// <c>LowLatency__RingSize</c>).
/// </summary>
/// <remarks>
/// Every field has a default that runs correctly on a 2-core machine: consumers wait with a
/// strategy that sleeps when idle unless the machine has a spare core for each of them, the ring
/// blocks instead of dropping, and data older than 10 s is stale.
/// </remarks>
public sealed class EngineOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "LowLatency";

    /// <summary>Slots of the market-data ring (a power of two); 65,536 events of 96 bytes by default (6 MiB).</summary>
    public int RingSize { get; set; } = 1 << 16;

    /// <summary>
    /// What a connection's reader does when the ring is full: <see cref="FullRingPolicy.Block"/> (the
    /// default: nothing is lost, the socket is back-pressured) or <see cref="FullRingPolicy.DropAndFlagGap"/>
    /// (the reader never waits; lost data marks every book stale until resynchronised).
    /// </summary>
    public FullRingPolicy FullRingPolicy { get; set; } = FullRingPolicy.Block;

    /// <summary>Forces the consumers' wait strategy; null lets the CPU plan decide (spinning only with a spare core per consumer).</summary>
    public WaitStrategyKind? WaitStrategy { get; set; }

    /// <summary>Cores kept away from spinning consumers (the OS and the socket readers); see <see cref="Core.Threading.CpuPlanOptions.ReservedCores"/>.</summary>
    public int ReservedCores { get; set; } = 2;

    /// <summary>Pins spinning consumers to their own CPUs.</summary>
    public bool PinConsumers { get; set; } = true;

    /// <summary>
    /// Whether the cache, risk and signal consumers get a thread each or share one; by default
    /// they share one unless each can spin on a spare core.
    /// </summary>
    /// <remarks>
    /// Threads that sleep when idle pay a wake-up (a system call and a context switch, several
    /// microseconds, far more on a busy machine) at every hand-off: on a machine without a spare
    /// core per consumer, one thread that runs the three in turn makes an event visible sooner and
    /// costs less CPU than three threads waking each other. The price of sharing: a strategy that
    /// is slow in its callbacks also delays the cache updates behind it.
    /// </remarks>
    public ConsumerThreadLayout ConsumerThreads { get; set; }

    /// <summary>Instrument ids the caches hold (0 .. capacity − 1); subscribing beyond it fails.</summary>
    public int InstrumentCapacity { get; set; } = 1024;

    /// <summary>
    /// Book events a book holds while it waits for a REST snapshot (Binance, KuCoin); 0 keeps the
    /// venue's default (65,536). Raise it when the stream can outrun a slow REST answer by more.
    /// </summary>
    public int BookBufferEvents { get; set; }

    /// <summary>
    /// Levels of one message a connection's reader and its parser have room for before the first
    /// message arrives (default 2,048; about 560 KB per connection over the reader's event and text
    /// buffers and the parser's). A bigger message grows them once; reserving up front keeps that
    /// growth out of the first minutes of streaming, where it would land on the receive path.
    /// </summary>
    public int ReaderBufferEvents { get; set; } = ConnectionReaderDefaults.BufferEvents;

    /// <summary>Candle timeframes the candle cache keeps; one minute when empty.</summary>
    public IList<CandleInterval> CandleIntervals { get; } = [];

    /// <summary>Candles kept per instrument and timeframe (the most <see cref="MarketDataEngine.GetOhlcvAsync(string, string, CandleInterval, int, CancellationToken)"/> serves from the cache).</summary>
    public int CandleDepth { get; set; } = CandleCache.DefaultDepth;

    /// <summary>How old cached data may be before the feed treats it as stale, per channel.</summary>
    public FreshnessOptions Freshness { get; set; } = new();

    /// <summary>How long a read of an instrument nobody subscribed waits for its first update after subscribing it.</summary>
    public TimeSpan FirstUpdateWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// False serves every read from REST (<c>ENABLE_WEBSOCKET=false</c>); null reads the
    /// <c>ENABLE_WEBSOCKET</c> environment variable (true/1/yes, the default, or false/0/no).
    /// </summary>
    public bool? EnableWebSocket { get; set; }

    /// <summary>How often data-quality states are re-evaluated (staleness, resyncs, connection losses).</summary>
    public TimeSpan QualityCheckInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First delay before reconnecting a lost connection (doubled per failure, with jitter).</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-venue endpoints and settings, keyed by venue name (<c>binance-spot</c>, <c>kraken</c>).</summary>
    public IDictionary<string, ExchangeOptions> Exchanges { get; } = new Dictionary<string, ExchangeOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Instruments the hosted service subscribes at start (<see cref="Hosting.EngineServiceCollectionExtensions.AddLowLatencyEngine(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Action{Engine.EngineBuilder}?)"/>).</summary>
    public IList<SubscriptionOptions> Subscriptions { get; } = [];

    /// <summary>Limits of the pre-trade risk checks.</summary>
    public RiskOptions Risk { get; set; } = new();

    /// <summary>A deep copy (the engine keeps its own, so later changes to these options do not leak in).</summary>
    public EngineOptions Clone()
    {
        var clone = new EngineOptions
        {
            RingSize = RingSize,
            FullRingPolicy = FullRingPolicy,
            WaitStrategy = WaitStrategy,
            ReservedCores = ReservedCores,
            PinConsumers = PinConsumers,
            ConsumerThreads = ConsumerThreads,
            InstrumentCapacity = InstrumentCapacity,
            BookBufferEvents = BookBufferEvents,
            ReaderBufferEvents = ReaderBufferEvents,
            CandleDepth = CandleDepth,
            Freshness = Freshness.Clone(),
            FirstUpdateWait = FirstUpdateWait,
            EnableWebSocket = EnableWebSocket,
            QualityCheckInterval = QualityCheckInterval,
            ReconnectInitialDelay = ReconnectInitialDelay,
            ReconnectMaxDelay = ReconnectMaxDelay,
            Risk = Risk.Clone(),
        };
        foreach (var interval in CandleIntervals)
            clone.CandleIntervals.Add(interval);
        foreach (var (venue, options) in Exchanges)
            clone.Exchanges[venue] = options.Clone();
        foreach (var subscription in Subscriptions)
            clone.Subscriptions.Add(subscription);
        return clone;
    }

    /// <summary>Throws when a value is out of range, naming it and what was expected.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="Feeds.Exchanges.UnknownExchangeException">A configured venue does not exist.</exception>
    public void Validate()
    {
        if (RingSize < 2 || !int.IsPow2(RingSize))
            throw new ArgumentOutOfRangeException(nameof(RingSize), RingSize, $"Received RingSize {RingSize}; expected a power of two of at least 2.");
        ArgumentOutOfRangeException.ThrowIfLessThan(InstrumentCapacity, 1, nameof(InstrumentCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(CandleDepth, 1, nameof(CandleDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(BookBufferEvents, nameof(BookBufferEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReaderBufferEvents, 1, nameof(ReaderBufferEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReservedCores, 1, nameof(ReservedCores));
        if (!Enum.IsDefined(ConsumerThreads))
            throw new ArgumentOutOfRangeException(nameof(ConsumerThreads), ConsumerThreads, $"Received ConsumerThreads {ConsumerThreads}; expected Auto, Separate or Shared.");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Freshness.Default, TimeSpan.Zero, "Freshness.Default");
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstUpdateWait, TimeSpan.Zero, nameof(FirstUpdateWait));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(QualityCheckInterval, TimeSpan.Zero, nameof(QualityCheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectInitialDelay, TimeSpan.Zero, nameof(ReconnectInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectInitialDelay, nameof(ReconnectMaxDelay));
        foreach (var venue in Exchanges.Keys)
            Feeds.Exchanges.ExchangeCatalog.Get(venue);
    }
}
