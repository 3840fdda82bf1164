namespace LowLatency.Rest.Errors;

/// <summary>One attempt of a request did not complete within its timeout.</summary>
/// <remarks>
/// For a request that is not idempotent (an order without a client order id) the outcome is
/// unknown: the exchange may have executed it. <see cref="OutcomeUnknown"/> says so, and such a
/// request is never retried by the lane.
/// </remarks>
public sealed class RestTimeoutException : RestException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exchange">The exchange that did not answer in time.</param>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="endpoint">The endpoint, path and redacted query.</param>
    /// <param name="timeout">The per-attempt timeout that elapsed.</param>
    /// <param name="outcomeUnknown">True when the request may have been executed by the exchange.</param>
    /// <param name="innerException">Polly's timeout exception.</param>
    public RestTimeoutException(string exchange, string method, string endpoint, TimeSpan timeout, bool outcomeUnknown, Exception? innerException = null)
        : base(exchange, $"{exchange} {method} {endpoint} got no response within {timeout.TotalMilliseconds:0} ms"
            + (outcomeUnknown ? "; the request is not idempotent, so its outcome is unknown" : string.Empty), innerException)
    {
        Method = method;
        Endpoint = endpoint;
        Timeout = timeout;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The endpoint, with secret parameters redacted.</summary>
    public string Endpoint { get; }

    /// <summary>The per-attempt timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True when the request is not idempotent: the exchange may have executed it.</summary>
    public bool OutcomeUnknown { get; }
}
