namespace LowLatency.Replay.Server;

/// <summary>One thing a session asked its connection to do (see <see cref="Protocols.ISessionOutput"/>).</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Frame">For <see cref="SessionActionKind.Send"/>: the encoded frame.</param>
/// <param name="Value">The key id or the variant.</param>
internal readonly record struct SessionAction(SessionActionKind Kind, byte[]? Frame, int Value);
