using System.Threading.RateLimiting;

namespace LowLatency.Rest.RateLimiting;

/// <summary>
/// Rate limiters shaped like exchange limits, configured so that a request waits for permits in
/// arrival order instead of being refused.
/// </summary>
/// <remarks>
/// A request's <see cref="Lane.RestRequest.Weight"/> is the number of permits it takes, which maps
/// directly onto weight-based limits such as Binance's REQUEST_WEIGHT.
/// </remarks>
public static class RestRateLimiters
{
    /// <summary>
    /// A token bucket: bursts up to <paramref name="tokenLimit"/>, refilled by
    /// <paramref name="tokensPerPeriod"/> every <paramref name="period"/> (Kraken's decaying counter).
    /// </summary>
    /// <param name="tokenLimit">The bucket size (largest burst, and the largest weight a request may have).</param>
    /// <param name="tokensPerPeriod">Tokens added each period.</param>
    /// <param name="period">The refill period.</param>
    /// <param name="autoReplenishment">
    /// False to refill only through <see cref="ReplenishingRateLimiter.TryReplenish"/> (tests); note that
    /// System.Threading.RateLimiting still ignores a manual refill made less than one
    /// <paramref name="period"/> after the previous one, measured on the system clock.
    /// </param>
    /// <returns>The limiter; the lane that receives it disposes it.</returns>
    public static RateLimiter TokenBucket(int tokenLimit, int tokensPerPeriod, TimeSpan period, bool autoReplenishment = true) =>
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            AutoReplenishment = autoReplenishment,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>
    /// A sliding window: at most <paramref name="permitLimit"/> permits in any
    /// <paramref name="window"/>, tracked in <paramref name="segmentsPerWindow"/> segments (Binance's
    /// weight per minute, Bybit's requests per 5 s, KuCoin's weight per 30 s).
    /// </summary>
    /// <param name="permitLimit">Permits per window.</param>
    /// <param name="window">The window length.</param>
    /// <param name="segmentsPerWindow">How finely the window slides.</param>
    /// <returns>The limiter; the lane that receives it disposes it.</returns>
    public static RateLimiter SlidingWindow(int permitLimit, TimeSpan window, int segmentsPerWindow) =>
        new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            SegmentsPerWindow = segmentsPerWindow,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
}
