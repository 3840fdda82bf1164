namespace LowLatency.Replay.Server;

/// <summary>The kinds of <see cref="SessionAction"/>.</summary>
internal enum SessionActionKind : byte
{
    Send,
    Subscribe,
    Unsubscribe,
    SetVariant,
}
