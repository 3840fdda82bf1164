namespace LowLatency.Rest.Signing;

/// <summary>
/// One attempt of a request as a signer sees it: method, path, the query and body to send (which
/// the signer may rewrite) and the headers it adds.
/// </summary>
/// <remarks><see cref="ToString"/> shows neither the query, the body nor the headers.</remarks>
public sealed class RestSigningContext
{
    private readonly List<KeyValuePair<string, string>> _headers = new(capacity: 5);

    /// <summary>Creates the attempt to sign.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, starting with '/', without query.</param>
    /// <param name="query">The percent-encoded query without '?', or null.</param>
    /// <param name="body">The body text, or null.</param>
    /// <param name="contentType">The body's media type, or null.</param>
    public RestSigningContext(HttpMethod method, string path, string? query, string? body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Method = method;
        Path = path;
        Query = query;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path, starting with '/', without query.</summary>
    public string Path { get; }

    /// <summary>The percent-encoded query to send, without '?', or null.</summary>
    public string? Query { get; set; }

    /// <summary>The body to send, or null.</summary>
    public string? Body { get; set; }

    /// <summary>The body's media type, or null.</summary>
    public string? ContentType { get; set; }

    /// <summary>The headers the signer added, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Adds a header, replacing one of the same name.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    public void SetHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        int existing = _headers.FindIndex(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            _headers[existing] = new(name, value);
        }
        else
        {
            _headers.Add(new(name, value));
        }
    }

    /// <summary>The value of a header the signer added, or null.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? GetHeader(string name)
    {
        foreach (KeyValuePair<string, string> header in _headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Method and path only: query, body and headers may hold secrets.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() => $"{Method} {Path}";
}
