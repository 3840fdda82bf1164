namespace LowLatency.Rest.Lane;

/// <summary>A successful (2xx) answer from the exchange: status, body bytes and how it was obtained.</summary>
public sealed class RestResponse
{
    /// <summary>Creates the response.</summary>
    /// <param name="statusCode">The 2xx status code.</param>
    /// <param name="body">The whole body.</param>
    /// <param name="attempts">How many attempts it took (1 when no retry was needed).</param>
    /// <param name="priority">The priority it was sent with.</param>
    public RestResponse(int statusCode, ReadOnlyMemory<byte> body, int attempts, RestPriority priority)
    {
        StatusCode = statusCode;
        Body = body;
        Attempts = attempts;
        Priority = priority;
    }

    /// <summary>The 2xx status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body bytes (UTF-8 JSON from every exchange): parse them with <c>Utf8JsonReader</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>How many attempts it took.</summary>
    public int Attempts { get; }

    /// <summary>The priority it was sent with.</summary>
    public RestPriority Priority { get; }

    /// <summary>The body decoded as UTF-8 text.</summary>
    /// <returns>The body text.</returns>
    public string GetBodyText() => System.Text.Encoding.UTF8.GetString(Body.Span);
}
