using LowLatency.Core.Instruments;
using LowLatency.Core.Ring;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Options;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;
using Microsoft.Extensions.Logging;
using IMeterFactory = System.Diagnostics.Metrics.IMeterFactory;

namespace LowLatency.Engine;

/// <summary>Builds a <see cref="MarketDataEngine"/>: venues, ring, consumer threads, caches, freshness, logging and meters.</summary>
/// <remarks>
/// <code>
/// await using var engine = new EngineBuilder()
///     .AddExchange("binance-spot")
///     .WithRing(1 &lt;&lt; 16, FullRingPolicy.DropAndFlagGap)
///     .WithFreshness(TimeSpan.FromSeconds(5))
///     .Build();
/// </code>
/// Every setting has a default that is correct on a 2-core machine (see <see cref="EngineOptions"/>).
/// <see cref="Build"/> starts the consumer threads; connections open when something subscribes.
/// </remarks>
public sealed class EngineBuilder
{
    private readonly EngineOptions _options;
    private readonly List<InstrumentSpec> _instruments = [];
    private InstrumentRegistry? _registry;
    private ILoggerFactory? _loggerFactory;
    private IMeterFactory? _meterFactory;
    private ICacheVisibilityObserver? _cacheObserver;

    /// <summary>Starts from the defaults.</summary>
    public EngineBuilder()
        : this(new EngineOptions())
    {
    }

    /// <summary>Starts from <paramref name="options"/> (e.g. bound from configuration); they are copied at <see cref="Build"/>.</summary>
    public EngineBuilder(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The options being built (changes apply at <see cref="Build"/>).</summary>
    public EngineOptions Options => _options;

    /// <summary>Uses <paramref name="venue"/> (e.g. <c>binance-spot</c>, <c>kraken</c>, <c>bybit-linear</c>), optionally configured.</summary>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public EngineBuilder AddExchange(string venue, Action<ExchangeOptions>? configure = null)
    {
        var definition = ExchangeCatalog.Get(venue);
        if (!_options.Exchanges.TryGetValue(definition.Name, out var exchange))
            _options.Exchanges[definition.Name] = exchange = new ExchangeOptions();
        configure?.Invoke(exchange);
        return this;
    }

    /// <summary>Uses <paramref name="venue"/> at other endpoints (a replayer, a testnet, a proxy).</summary>
    public EngineBuilder AddExchange(string venue, Uri webSocketUrl, Uri restUrl)
    {
        ArgumentNullException.ThrowIfNull(webSocketUrl);
        ArgumentNullException.ThrowIfNull(restUrl);
        return AddExchange(venue, e =>
        {
            e.WebSocketUrl = webSocketUrl;
            e.RestUrl = restUrl;
        });
    }

    /// <summary>Uses <paramref name="venue"/> served by a loopback <paramref name="replayer"/>, exactly as the exchange.</summary>
    public EngineBuilder AddExchange(string venue, Replayer replayer)
    {
        ArgumentNullException.ThrowIfNull(replayer);
        return AddExchange(venue, replayer.Url, replayer.RestUrl);
    }

    /// <summary>Sets the ring size (a power of two) and what a reader does when it is full.</summary>
    public EngineBuilder WithRing(int size, FullRingPolicy policy = FullRingPolicy.Block)
    {
        _options.RingSize = size;
        _options.FullRingPolicy = policy;
        return this;
    }

    /// <summary>
    /// Forces the consumers' wait strategy (null lets the CPU plan decide), sets the cores kept from
    /// spinning consumers, and how the consumers are spread over threads (see <see cref="EngineOptions.ConsumerThreads"/>).
    /// </summary>
    public EngineBuilder WithConsumerThreads(WaitStrategyKind? waitStrategy, int reservedCores = 2, bool pinSpinningConsumers = true,
        ConsumerThreadLayout layout = ConsumerThreadLayout.Auto)
    {
        _options.WaitStrategy = waitStrategy;
        _options.ReservedCores = reservedCores;
        _options.PinConsumers = pinSpinningConsumers;
        _options.ConsumerThreads = layout;
        return this;
    }

    /// <summary>Sets how many instrument ids the caches hold.</summary>
    public EngineBuilder WithInstrumentCapacity(int capacity)
    {
        _options.InstrumentCapacity = capacity;
        return this;
    }

    /// <summary>Sets the candle timeframes the cache keeps and how many candles per series.</summary>
    public EngineBuilder WithCandles(int depth, params CandleInterval[] intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        _options.CandleDepth = depth;
        _options.CandleIntervals.Clear();
        foreach (var interval in intervals)
            _options.CandleIntervals.Add(interval);
        return this;
    }

    /// <summary>Sets the freshness threshold of every channel without its own.</summary>
    public EngineBuilder WithFreshness(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero);
        _options.Freshness.Default = threshold;
        return this;
    }

    /// <summary>Sets the freshness threshold of one channel.</summary>
    public EngineBuilder WithFreshness(MarketChannels channel, TimeSpan threshold)
    {
        _options.Freshness.Set(channel, threshold);
        return this;
    }

    /// <summary>Sets how long a read of an unsubscribed channel waits for its first update.</summary>
    public EngineBuilder WithFirstUpdateWait(TimeSpan wait)
    {
        _options.FirstUpdateWait = wait;
        return this;
    }

    /// <summary>Turns the WebSocket streams on (default) or off (every read from REST), overriding <c>ENABLE_WEBSOCKET</c>.</summary>
    public EngineBuilder EnableWebSocket(bool enabled)
    {
        _options.EnableWebSocket = enabled;
        return this;
    }

    /// <summary>Sets the pre-trade risk limits.</summary>
    public EngineBuilder WithRiskLimits(Action<RiskOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_options.Risk);
        return this;
    }

    /// <summary>Registers instruments with their exact scales (Kraken's checksums need the pair's precisions).</summary>
    public EngineBuilder AddInstruments(IEnumerable<InstrumentSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _instruments.AddRange(specs);
        return this;
    }

    /// <summary>Shares an existing instrument registry (ids stay the same across components).</summary>
    public EngineBuilder UseInstruments(InstrumentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        return this;
    }

    /// <summary>Where the engine logs (connections, resyncs, quality transitions, strategy failures); secrets never appear.</summary>
    public EngineBuilder WithLogging(ILoggerFactory? loggerFactory)
    {
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Creates the engine's meter through <paramref name="meterFactory"/> (the host's), instead of a standalone one.</summary>
    public EngineBuilder WithMeterFactory(IMeterFactory? meterFactory)
    {
        _meterFactory = meterFactory;
        return this;
    }

    /// <summary>Tells <paramref name="observer"/> on the cache consumer's thread when each message became visible (a measurement hook; null for none).</summary>
    public EngineBuilder WithCacheVisibilityObserver(ICacheVisibilityObserver? observer)
    {
        _cacheObserver = observer;
        return this;
    }

    /// <summary>Changes any option.</summary>
    public EngineBuilder Configure(Action<EngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_options);
        return this;
    }

    /// <summary>Validates the options, creates the engine and starts its consumer threads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="UnknownExchangeException">A configured venue does not exist.</exception>
    /// <exception cref="FormatException"><c>ENABLE_WEBSOCKET</c> holds something else than true/1/yes/false/0/no.</exception>
    public MarketDataEngine Build()
    {
        var options = _options.Clone();
        options.Validate();
        var registry = _registry ?? new InstrumentRegistry();
        registry.RegisterAll(_instruments);
        return new MarketDataEngine(options, registry, _loggerFactory, _meterFactory, _cacheObserver);
    }
}
