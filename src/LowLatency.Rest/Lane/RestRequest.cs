namespace LowLatency.Rest.Lane;

/// <summary>
/// One REST call to send through a <see cref="RestLane"/>: what to call, how urgently, whether it
/// is signed, and whether it may be retried.
/// </summary>
/// <remarks>
/// <para>
/// Idempotency decides retries. GET and HEAD are idempotent. An order is idempotent only when it
/// carries a client order id (Binance <c>newClientOrderId</c>, Bybit <c>orderLinkId</c>, Kraken
/// <c>cl_ord_id</c>, KuCoin <c>clientOid</c>): set <see cref="ClientOrderId"/> to the same value
/// that is written in the query or body, and the lane retries the exact same parameters (with a
/// fresh signature), so the exchange rejects a duplicate instead of placing a second order. The
/// lane checks that the id really is in the query or body and refuses the request otherwise.
/// </para>
/// <para>
/// Other calls that are safe to repeat (a cancel by client id, for example) may set
/// <see cref="MarkedIdempotent"/>. Everything else is sent once; a timeout then means the outcome
/// is unknown, and the caller queries the order status.
/// </para>
/// </remarks>
public sealed class RestRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, starting with '/', without query (for example <c>/api/v3/order</c>).</param>
    public RestRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/' || path.Contains('?') || path.Contains('#'))
        {
            throw new ArgumentException($"A REST path starts with '/' and carries no query or fragment (put the query in {nameof(Query)}); received '{path}'.", nameof(path));
        }

        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>The percent-encoded query without '?' (build it with <see cref="Buffers.QueryStringBuilder"/>), or null.</summary>
    public string? Query { get; init; }

    /// <summary>The body text (a form or JSON), or null.</summary>
    public string? Body { get; init; }

    /// <summary>The body's media type; when null, signers choose the exchange's (form or JSON).</summary>
    public string? ContentType { get; init; }

    /// <summary>How urgently the request is sent; <see cref="RestPriority.Normal"/> by default.</summary>
    public RestPriority Priority { get; init; } = RestPriority.Normal;

    /// <summary>True to sign the request with the lane's signer (private endpoints).</summary>
    public bool IsSigned { get; init; }

    /// <summary>The client order id carried in the query or body, which makes an order safely retryable.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>True when repeating the call cannot change its effect, so failures may be retried.</summary>
    public bool MarkedIdempotent { get; init; }

    /// <summary>How many permits of the lane's rate limiter the request consumes (the exchange's "weight").</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The per-attempt timeout; the lane's default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>True when a failed attempt may be sent again (see the class remarks).</summary>
    public bool IsIdempotent =>
        Method == HttpMethod.Get || Method == HttpMethod.Head || MarkedIdempotent || ClientOrderId is not null;

    /// <summary>A GET of <paramref name="path"/> with <paramref name="query"/>.</summary>
    /// <param name="path">The path, starting with '/'.</param>
    /// <param name="query">The percent-encoded query without '?', or null.</param>
    /// <param name="priority">How urgently it is sent.</param>
    /// <returns>The request.</returns>
    public static RestRequest Get(string path, string? query = null, RestPriority priority = RestPriority.Normal) =>
        new(HttpMethod.Get, path) { Query = query, Priority = priority };

    /// <summary>
    /// A signed order request (Critical priority) that carries <paramref name="clientOrderId"/> in its
    /// query or body, so the lane may retry it without ever placing it twice.
    /// </summary>
    /// <param name="method">POST to create, DELETE to cancel (as the exchange defines).</param>
    /// <param name="path">The order endpoint.</param>
    /// <param name="clientOrderId">The client order id, already written in <paramref name="query"/> or <paramref name="body"/>.</param>
    /// <param name="query">The percent-encoded query, or null.</param>
    /// <param name="body">The body, or null.</param>
    /// <returns>The request.</returns>
    public static RestRequest Order(HttpMethod method, string path, string clientOrderId, string? query = null, string? body = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        return new RestRequest(method, path)
        {
            Query = query,
            Body = body,
            ClientOrderId = clientOrderId,
            IsSigned = true,
            Priority = RestPriority.Critical,
        };
    }

    /// <summary>Method, path and priority only: query and body may hold account data.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() => $"{Method} {Path} ({Priority})";

    /// <summary>Checks the retry contract: a client order id must be present in what is sent.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Weight, 1, nameof(Weight));
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "A request timeout must be positive.");
        }

        if (ClientOrderId is { } id && !(Query?.Contains(id, StringComparison.Ordinal) == true || Body?.Contains(id, StringComparison.Ordinal) == true))
        {
            throw new ArgumentException(
                $"{Method} {Path} declares client order id '{id}' but neither its query nor its body contains it: a retry could then place a second order. Write the id into the exchange's client order id parameter.",
                nameof(ClientOrderId));
        }
    }
}
