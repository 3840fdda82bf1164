using LowLatency.Replay.Faults;

namespace LowLatency.Replay.Server;

/// <summary>What a replayer has done so far (a snapshot).</summary>
/// <param name="ConnectionsAccepted">WebSocket connections upgraded.</param>
/// <param name="ConnectionsRefused">Connection attempts refused by a <c>refuse</c> fault.</param>
/// <param name="ConnectionsOpen">Connections open now.</param>
/// <param name="MessagesSent">Recorded messages sent, over every connection (a duplicate counts twice).</param>
/// <param name="BytesSent">Bytes written to sockets (frames, acks and all).</param>
/// <param name="SessionMessagesSent">Acks, pongs, welcomes and heartbeats sent.</param>
/// <param name="RestRequests">REST requests answered.</param>
/// <param name="FaultsInjected">Faults applied, by kind (refusals and REST faults included).</param>
public sealed record ReplayerStatistics(
    long ConnectionsAccepted,
    long ConnectionsRefused,
    long ConnectionsOpen,
    long MessagesSent,
    long BytesSent,
    long SessionMessagesSent,
    long RestRequests,
    IReadOnlyDictionary<FaultKind, long> FaultsInjected)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var faults = FaultsInjected.Count == 0 ? "none" : string.Join(", ", FaultsInjected.Select(f => $"{f.Key.ToString().ToLowerInvariant()} {f.Value}"));
        return $"connections {ConnectionsAccepted} (refused {ConnectionsRefused}, open {ConnectionsOpen}), messages {MessagesSent}, bytes {BytesSent}, " +
               $"session messages {SessionMessagesSent}, REST requests {RestRequests}, faults: {faults}";
    }
}
