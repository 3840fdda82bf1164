namespace LowLatency.Cli.Commands.Replay;

/// <summary>What a replay found: message counts and each instrument's book.</summary>
public sealed record ReplayReport(
    string Exchange,
    long Messages,
    long Events,
    long ParseErrors,
    long UnknownMessages,
    IReadOnlyList<InstrumentReport> Instruments);
