using Polly.CircuitBreaker;

namespace LowLatency.Rest.Lane;

/// <summary>
/// Mirrors the Polly breaker's state and when its break ends, so submissions fail fast while it
/// is open without consuming rate-limit permits, yet the first request after the break still
/// reaches the breaker and becomes the half-open probe.
/// </summary>
internal sealed class RestCircuitTracker(TimeProvider timeProvider)
{
    private long _openUntilUtcTicks;

    public CircuitBreakerStateProvider StateProvider { get; } = new();

    public RestCircuitState State => StateProvider.CircuitState switch
    {
        CircuitState.Open => RestCircuitState.Open,
        CircuitState.HalfOpen => RestCircuitState.HalfOpen,
        CircuitState.Isolated => RestCircuitState.Isolated,
        _ => RestCircuitState.Closed,
    };

    public void Opened(TimeSpan breakDuration) =>
        Volatile.Write(ref _openUntilUtcTicks, (timeProvider.GetUtcNow() + breakDuration).UtcTicks);

    public void Reset() => Volatile.Write(ref _openUntilUtcTicks, 0);

    /// <summary>Time left in the break while the circuit is open, or null when a request may reach the breaker.</summary>
    public TimeSpan? OpenRemaining()
    {
        CircuitState state = StateProvider.CircuitState;
        if (state == CircuitState.Isolated)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (state != CircuitState.Open)
        {
            return null;
        }

        TimeSpan remaining = new DateTimeOffset(Volatile.Read(ref _openUntilUtcTicks), TimeSpan.Zero) - timeProvider.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : null;
    }
}
