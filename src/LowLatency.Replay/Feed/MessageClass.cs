namespace LowLatency.Replay.Feed;

/// <summary>What a recorded message is, for the replayer.</summary>
public enum MessageClass : byte
{
    /// <summary>Market data with a <see cref="StreamKey"/>: replayed to the clients subscribed to it.</summary>
    Data = 0,

    /// <summary>Session traffic of the recording (acks, pongs, welcome, heartbeats): never replayed, the replayer answers its own clients.</summary>
    Session,

    /// <summary>A REST response written in-line (the hftbacktest collector's depth snapshot): served by the REST stub, not streamed.</summary>
    RestSnapshot,

    /// <summary>A message the protocol could not route to a key (another API generation, garbage): counted and skipped.</summary>
    Unrouted,
}
