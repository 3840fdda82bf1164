using LowLatency.Core.Snapshots;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Logging;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Strategies;

/// <summary>
/// A strategy attached to the engine (<see cref="MarketDataEngine.AddStrategy"/>): what it
/// subscribes to is what it receives, and what it holds keeps the pooled connections open.
/// </summary>
/// <remarks>
/// Subscriptions are reference-counted per topic (instrument and channel) across sessions: the
/// first session to want a topic subscribes it on the wire, the last one to leave it unsubscribes
/// it, and a connection whose last topic goes is closed. Disposing the session leaves everything
/// it holds.
/// </remarks>
public sealed class StrategySession : IAsyncDisposable
{
    private readonly ConnectionPool _subscriptions;
    private readonly ILogger _logger;
    private long _delivered;
    private long _failures;
    private int _disposed;

    internal StrategySession(string name, IStrategy? strategy, ConnectionPool subscriptions, ILogger logger)
    {
        Name = name;
        Strategy = strategy;
        _subscriptions = subscriptions;
        _logger = logger;
    }

    /// <summary>The session's name (in status reports and logs).</summary>
    public string Name { get; }

    /// <summary>The hosted strategy; null for a session that only keeps data subscribed.</summary>
    public IStrategy? Strategy { get; }

    /// <summary>Events delivered to <see cref="IStrategy.OnEvent"/>.</summary>
    public long EventsDelivered => Volatile.Read(ref _delivered);

    /// <summary>Exceptions the strategy's callbacks threw.</summary>
    public long Failures => Volatile.Read(ref _failures);

    /// <summary>Its subscriptions, e.g. <c>binance_spot BTCUSDT Book</c>.</summary>
    public IReadOnlyList<string> Topics => _subscriptions.TopicsOf(this);

    /// <summary>
    /// Subscribes <paramref name="channels"/> of <paramref name="symbol"/> on <paramref name="venue"/>
    /// (opening the venue's connection when it is the first topic there).
    /// </summary>
    /// <param name="venue">A venue name, e.g. <c>binance-spot</c>, <c>kraken</c>, <c>bybit-linear</c>.</param>
    /// <param name="symbol">The symbol as the exchange writes it, e.g. <c>BTCUSDT</c>, <c>BTC/USD</c>.</param>
    /// <param name="channels">One or more channels.</param>
    /// <param name="candleInterval">The timeframe of <see cref="MarketChannels.Candles"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the subscription gate.</param>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    /// <exception cref="NotSupportedException">The venue does not serve a channel (or the depth or timeframe).</exception>
    /// <exception cref="InvalidOperationException">The instrument does not fit the caches (see <see cref="Options.EngineOptions.InstrumentCapacity"/>).</exception>
    public Task SubscribeAsync(string venue, string symbol, MarketChannels channels, CandleInterval candleInterval = CandleInterval.OneMinute,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return SubscribeAsync(venue, [symbol], channels, candleInterval, cancellationToken);
    }

    /// <summary>
    /// Subscribes <paramref name="channels"/> of several symbols of one venue at once: a venue that
    /// takes many streams per message (Binance, Bybit) gets them in one, so they start together.
    /// </summary>
    /// <inheritdoc cref="SubscribeAsync(string, string, MarketChannels, CandleInterval, CancellationToken)" path="/exception"/>
    public Task SubscribeAsync(string venue, IReadOnlyList<string> symbols, MarketChannels channels, CandleInterval candleInterval = CandleInterval.OneMinute,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _subscriptions.SubscribeAsync(this, venue, symbols, channels, candleInterval, cancellationToken);
    }

    /// <summary>Leaves <paramref name="channels"/> of <paramref name="symbol"/> on <paramref name="venue"/>.</summary>
    public Task UnsubscribeAsync(string venue, string symbol, MarketChannels channels, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _subscriptions.UnsubscribeAsync(this, venue, symbol, channels, cancellationToken);
    }

    /// <summary>Leaves every subscription and detaches the strategy.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _subscriptions.RemoveSessionAsync(this).ConfigureAwait(false);
    }

    internal StrategyStatus Status() => new(Name, Topics, EventsDelivered, Failures);

    /// <summary>Delivers an event (signal consumer thread only).</summary>
    internal void Deliver(ref readonly MarketEvent marketEvent)
    {
        try
        {
            Strategy!.OnEvent(in marketEvent);
            Volatile.Write(ref _delivered, _delivered + 1);
        }
        catch (Exception ex)
        {
            Fail(ex, nameof(IStrategy.OnEvent));
        }
    }

    /// <summary>Delivers a data-quality change (signal consumer thread only).</summary>
    internal void Deliver(DataQualityChange change)
    {
        try
        {
            Strategy!.OnDataQualityChanged(change);
        }
        catch (Exception ex)
        {
            Fail(ex, nameof(IStrategy.OnDataQualityChanged));
        }
    }

    private void Fail(Exception exception, string callback)
    {
        if (Interlocked.Increment(ref _failures) == 1)
            EngineLog.StrategyFailed(_logger, exception, Name, callback);
    }
}
