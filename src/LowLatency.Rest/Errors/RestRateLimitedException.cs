namespace LowLatency.Rest.Errors;

/// <summary>
/// A rate limit stopped the request: the exchange answered 429 (too many requests) or 418
/// (Binance's IP ban), or the lane's own limiter refused the request's weight.
/// </summary>
/// <remarks>
/// An exchange limit pauses the whole lane until <see cref="RetryAfter"/> has passed. During a ban
/// (<see cref="IsBan"/>) queued and new requests fail at once with this error instead of waiting
/// minutes in the queue unseen.
/// </remarks>
public sealed class RestRateLimitedException : RestException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exchange">The exchange whose limit was hit.</param>
    /// <param name="endpoint">The endpoint, path and redacted query, of the refused request.</param>
    /// <param name="statusCode">429 or 418 when the exchange answered, null when the lane's limiter refused.</param>
    /// <param name="retryAfter">How long the lane pauses before sending again.</param>
    /// <param name="isBan">True when the exchange banned the client (HTTP 418).</param>
    public RestRateLimitedException(string exchange, string endpoint, int? statusCode, TimeSpan retryAfter, bool isBan)
        : base(exchange, Describe(exchange, endpoint, statusCode, retryAfter, isBan))
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        IsBan = isBan;
    }

    /// <summary>The endpoint of the refused request, with secret parameters redacted.</summary>
    public string Endpoint { get; }

    /// <summary>429 or 418 when the exchange answered; null when the lane's own limiter refused.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the lane stays paused (from the response's <c>Retry-After</c> or the configured default).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>True when the exchange banned this client (Binance answers 418 after repeated 429s).</summary>
    public bool IsBan { get; }

    private static string Describe(string exchange, string endpoint, int? statusCode, TimeSpan retryAfter, bool isBan)
    {
        string cause = statusCode is { } code
            ? $"answered HTTP {code}{(isBan ? " (banned)" : " (too many requests)")}"
            : "was refused by the lane's rate limiter";
        return $"{exchange} {endpoint} {cause}; the lane pauses for {retryAfter.TotalSeconds:0.###} s";
    }
}
