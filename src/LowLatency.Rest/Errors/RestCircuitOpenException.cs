namespace LowLatency.Rest.Errors;

/// <summary>
/// The lane's circuit breaker is open after consecutive server errors or timeouts: the request
/// was not sent.
/// </summary>
/// <remarks>
/// Requests fail fast while the circuit is open, orders included: an order is never held back or
/// dropped silently, the caller always gets this error and decides.
/// </remarks>
public sealed class RestCircuitOpenException : RestException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exchange">The exchange whose circuit is open.</param>
    /// <param name="endpoint">The endpoint, path and redacted query, of the request not sent.</param>
    /// <param name="retryAfter">When the circuit lets a probe request through, if known.</param>
    /// <param name="innerException">Polly's exception, if the pipeline raised it.</param>
    public RestCircuitOpenException(string exchange, string endpoint, TimeSpan? retryAfter, Exception? innerException = null)
        : base(exchange, $"{exchange} {endpoint} was not sent: the circuit is open after repeated server errors or timeouts"
            + (retryAfter is { } after ? $"; a probe is allowed in {after.TotalSeconds:0.###} s" : string.Empty), innerException)
    {
        Endpoint = endpoint;
        RetryAfter = retryAfter;
    }

    /// <summary>The endpoint of the request that was not sent, with secret parameters redacted.</summary>
    public string Endpoint { get; }

    /// <summary>Time left until the circuit half-opens and lets one probe through, if known.</summary>
    public TimeSpan? RetryAfter { get; }
}
