namespace LowLatency.Replay.Server;

/// <summary>Why <see cref="ReplayCursor.Fill"/> stopped adding messages to a batch.</summary>
internal enum ReplayFill : byte
{
    /// <summary>The batch reached its size.</summary>
    BatchFull,

    /// <summary>The next message is not due yet (paced replays).</summary>
    NotDue,

    /// <summary>A fault needs the socket itself (stall, disconnect, truncate): see <see cref="ReplayCursor.PendingFault"/>.</summary>
    Fault,

    /// <summary>The capture is played to its end.</summary>
    End,
}
