namespace LowLatency.Rest.Resilience;

/// <summary>
/// When the lane stops sending because the exchange keeps failing (5xx, timeouts, transport
/// errors; never 4xx or rate limits), and when it probes again.
/// </summary>
/// <remarks>
/// Polly 8's breaker counts failures within <see cref="SamplingDuration"/>: with
/// <see cref="FailureRatio"/> 1.0 (the default) the circuit opens after
/// <see cref="MinimumThroughput"/> failures in a row, since any success in the window keeps the
/// ratio below 1. After <see cref="BreakDuration"/> one probe request is let through (half-open):
/// success closes the circuit, failure opens it again.
/// </remarks>
public sealed record RestCircuitBreakerOptions
{
    /// <summary>Failures (with <see cref="FailureRatio"/> 1.0: consecutive failures) that open the circuit; at least 2.</summary>
    public int MinimumThroughput { get; init; } = 5;

    /// <summary>The share of failed requests in the window that opens the circuit (0 &lt; ratio ≤ 1).</summary>
    public double FailureRatio { get; init; } = 1.0;

    /// <summary>The window failures are counted over (at least 500 ms).</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a probe is allowed (at least 500 ms).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
