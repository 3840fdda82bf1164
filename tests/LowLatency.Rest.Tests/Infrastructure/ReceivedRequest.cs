namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>One request as the loopback server read it off the wire.</summary>
public sealed record ReceivedRequest(
    int Sequence,
    string Method,
    string Target,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ArrivedAt)
{
    public string Path => Target.Split('?', 2)[0];

    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
