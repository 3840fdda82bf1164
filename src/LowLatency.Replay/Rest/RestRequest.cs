using LowLatency.Replay.Protocols;

namespace LowLatency.Replay.Rest;

/// <summary>A plain HTTP request to the replayer's REST stub.</summary>
/// <param name="Method">The method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path, e.g. <c>/api/v3/depth</c>.</param>
/// <param name="Query">The query string without <c>?</c>.</param>
/// <param name="Body">The request body.</param>
public sealed record RestRequest(string Method, string Path, string Query, ReadOnlyMemory<byte> Body)
{
    /// <summary>The value of query parameter <paramref name="name"/> (URL-decoded), or null.</summary>
    public string? Parameter(string name) => QueryString.Get(Query, name);
}
