namespace LowLatency.Rest.Errors;

/// <summary>
/// The request could not be exchanged with the server: connection refused or reset, DNS failure,
/// TLS handshake or certificate validation failure, response too large.
/// </summary>
public sealed class RestTransportException : RestException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exchange">The exchange the lane talks to.</param>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="endpoint">The endpoint, path and redacted query.</param>
    /// <param name="reason">What went wrong, without secrets.</param>
    /// <param name="innerException">The transport's own exception.</param>
    public RestTransportException(string exchange, string method, string endpoint, string reason, Exception? innerException = null)
        : base(exchange, $"{exchange} {method} {endpoint} failed before a complete response was received: {reason}", innerException)
    {
        Method = method;
        Endpoint = endpoint;
    }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The endpoint, with secret parameters redacted.</summary>
    public string Endpoint { get; }
}
