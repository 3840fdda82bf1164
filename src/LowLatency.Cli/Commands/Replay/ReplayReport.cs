namespace LowLatency.Cli.Commands.Replay;

/// <summary>What a replay found: message counts, each instrument's book, and how the engine carried it.</summary>
public sealed record ReplayReport(
    string Exchange,
    long Messages,
    long Events,
    long ParseErrors,
    long UnknownMessages,
    IReadOnlyList<InstrumentReport> Instruments,
    ReplayEngineFigures Engine);
