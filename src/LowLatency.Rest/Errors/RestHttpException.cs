namespace LowLatency.Rest.Errors;

/// <summary>
/// The exchange answered with a status code outside 2xx (other than a rate limit, which is a
/// <see cref="RestRateLimitedException"/>).
/// </summary>
public sealed class RestHttpException : RestException
{
    /// <summary>Creates the error for one response.</summary>
    /// <param name="exchange">The exchange that answered.</param>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="endpoint">The endpoint, path and redacted query.</param>
    /// <param name="statusCode">The status code received.</param>
    /// <param name="bodyExcerpt">The start of the response body, redacted and truncated.</param>
    public RestHttpException(string exchange, string method, string endpoint, int statusCode, string bodyExcerpt)
        : base(exchange, $"{exchange} {method} {endpoint} answered HTTP {statusCode}, expected 2xx; body: {bodyExcerpt}")
    {
        Method = method;
        Endpoint = endpoint;
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The endpoint: path and query, with secret parameters redacted.</summary>
    public string Endpoint { get; }

    /// <summary>The status code the exchange answered with.</summary>
    public int StatusCode { get; }

    /// <summary>The start of the response body (at most a few hundred characters), redacted.</summary>
    public string BodyExcerpt { get; }

    /// <summary>True for 5xx: the exchange failed, which counts towards opening the circuit.</summary>
    public bool IsServerError => StatusCode >= 500;
}
