using System.Text;

namespace LowLatency.Replay.Rest;

/// <summary>What the REST stub answers.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body.</param>
/// <param name="Headers">Extra headers (e.g. <c>Retry-After</c>).</param>
public sealed record RestAnswer(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>A 200 answer with a JSON body.</summary>
    public static RestAnswer Ok(byte[] json) => new(200, json, []);

    /// <summary>An answer with a status and a JSON body given as text.</summary>
    public static RestAnswer Json(int status, string json) => new(status, Encoding.UTF8.GetBytes(json), []);

    /// <summary>The standard reason phrase of <see cref="Status"/>.</summary>
    public string ReasonPhrase => Status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status " + Status,
    };
}
