namespace LowLatency.Rest.Resilience;

/// <summary>
/// Retries of idempotent requests: exponential backoff with jitter after a 5xx, a timeout, a
/// transport failure or a 429. Requests that are not idempotent are never retried.
/// </summary>
public sealed record RestRetryOptions
{
    /// <summary>Retries after the first attempt; 0 disables retries.</summary>
    public int MaxRetryAttempts { get; init; } = 2;

    /// <summary>The delay before the first retry; later retries double it (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>True to spread retries randomly so many clients do not retry in step.</summary>
    public bool UseJitter { get; init; } = true;
}
