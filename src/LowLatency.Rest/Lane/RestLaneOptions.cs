using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using LowLatency.Rest.Resilience;
using LowLatency.Rest.Security;
using LowLatency.Rest.Signing;

namespace LowLatency.Rest.Lane;

/// <summary>How a <see cref="RestLane"/> talks to one exchange.</summary>
/// <remarks>
/// Start from <see cref="Exchanges.RestExchangeProfiles"/> and adjust with <c>with</c>, for example
/// <c>RestExchangeProfiles.Binance(credentials) with { BaseAddress = replayerUri }</c>.
/// </remarks>
public sealed record RestLaneOptions
{
    /// <summary>The exchange's name, used in errors, logs and status (for example <c>binance</c>).</summary>
    public required string Exchange { get; init; }

    /// <summary>The scheme, host and port requests go to (any path is ignored; request paths start with '/').</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Requests in flight at once: the number of workers (at least 1).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Workers (out of <see cref="MaxConcurrency"/>) that only send Critical requests, so an order
    /// never waits for a slow market-data call to finish; 0 to let every worker send anything.
    /// </summary>
    public int ReservedCriticalWorkers { get; init; } = 1;

    /// <summary>The most requests each priority's queue holds; beyond it a submission fails with <see cref="Errors.RestQueueFullException"/>.</summary>
    public int QueueCapacityPerPriority { get; init; } = 1024;

    /// <summary>The per-attempt timeout when a request sets none.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest response body accepted, in bytes.</summary>
    public int MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Creates the lane's rate limiter (see <see cref="RateLimiting.RestRateLimiters"/>); the lane
    /// disposes it. Null sends without a local limit (the exchange's 429s are still honoured).
    /// </summary>
    public Func<RateLimiter>? RateLimiterFactory { get; init; }

    /// <summary>How long the lane pauses after a 429 without a <c>Retry-After</c> header.</summary>
    public TimeSpan DefaultRateLimitPause { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the lane pauses after a 418 ban without a <c>Retry-After</c> header.</summary>
    public TimeSpan DefaultBanPause { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of idempotent requests.</summary>
    public RestRetryOptions Retry { get; init; } = new();

    /// <summary>The circuit breaker.</summary>
    public RestCircuitBreakerOptions CircuitBreaker { get; init; } = new();

    /// <summary>Signs requests marked <see cref="RestRequest.IsSigned"/>; null when the lane has no credentials.</summary>
    public IRequestSigner? Signer { get; init; }

    /// <summary>Masks secrets in logs and errors; give it the credentials' values (profiles do).</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.ParametersOnly;

    /// <summary>
    /// Extra root certificates trusted in addition to the system's (a private CA in tests). The host
    /// name is always checked and validation is never switched off.
    /// </summary>
    public X509Certificate2Collection? TrustedRootCertificates { get; init; }

    /// <summary>How long a pooled connection is reused before it is replaced (so DNS changes are seen).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an idle pooled connection is kept.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The TCP and TLS connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The HTTP version requested (a lower one is accepted).</summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version11;

    /// <summary>The User-Agent header (Kraken requires one).</summary>
    public string UserAgent { get; init; } = "LowLatency/1.0";

    /// <summary>The clock of pauses, backoff, timeouts and the breaker; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Exchange);
        ArgumentNullException.ThrowIfNull(BaseAddress);
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"BaseAddress must be an absolute http or https URI; received '{BaseAddress}'.", nameof(BaseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(ReservedCriticalWorkers, nameof(ReservedCriticalWorkers));
        if (ReservedCriticalWorkers >= MaxConcurrency)
        {
            throw new ArgumentOutOfRangeException(nameof(ReservedCriticalWorkers), ReservedCriticalWorkers, $"At least one of the {MaxConcurrency} workers must serve every priority.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacityPerPriority, 1, nameof(QueueCapacityPerPriority));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1, nameof(MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(Retry.MaxRetryAttempts, 0, nameof(Retry.MaxRetryAttempts));
        ArgumentNullException.ThrowIfNull(Redactor);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent);
    }
}
