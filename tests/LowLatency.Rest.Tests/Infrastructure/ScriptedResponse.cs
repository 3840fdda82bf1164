namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>What the loopback server answers.</summary>
public sealed record ScriptedResponse(int Status, string Body = "{}", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Announce more body than is sent, then close the connection mid-body.</summary>
    public bool Truncated { get; init; }

    public static ScriptedResponse Ok(string body = "{}") => new(200, body);

    public static ScriptedResponse Status429(int retryAfterSeconds) =>
        new(429, """{"code":-1003,"msg":"Too many requests."}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
