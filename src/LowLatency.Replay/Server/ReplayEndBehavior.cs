namespace LowLatency.Replay.Server;

/// <summary>What a connection does when it has played the whole capture (without <see cref="ReplayerOptions.Loop"/>).</summary>
public enum ReplayEndBehavior : byte
{
    /// <summary>Close with 1000 and the reason <c>end of recording</c>: a client knows it saw everything.</summary>
    Close = 0,

    /// <summary>Stay open and silent (heartbeats and pongs go on), like an exchange on a quiet market.</summary>
    KeepOpen,
}
