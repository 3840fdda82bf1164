using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Protocols;

/// <summary>What a session knows about its connection when it is created.</summary>
/// <param name="Feed">The feed being served (its keys map subscriptions to key ids).</param>
/// <param name="Path">The upgrade request's path.</param>
/// <param name="Query">The upgrade request's query string, without <c>?</c>.</param>
/// <param name="ConnectionId">A connection id unique within the replayer, for acks that carry one.</param>
internal sealed record SessionContext(RecordedFeed Feed, string Path, string Query, string ConnectionId)
{
    /// <summary>The value of query parameter <paramref name="name"/> (URL-decoded), or null.</summary>
    public string? QueryValue(string name) => QueryString.Get(Query, name);
}
