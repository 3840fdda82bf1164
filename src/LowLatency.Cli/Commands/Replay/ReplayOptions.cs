using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>Arguments of <c>lowlatency replay</c>.</summary>
/// <param name="Files">Capture files; several are merged by timestamp.</param>
/// <param name="Format">Capture format, or null to detect it from the first line.</param>
/// <param name="Exchange">Venue name from the exchange catalog.</param>
/// <param name="Report">Report format.</param>
/// <param name="InstrumentsFile">A message with the exchange's instrument data (Kraken <c>instrument</c> snapshot) applied first, or null.</param>
/// <param name="BookDepth">Subscribed book depth; 0 = the venue's default.</param>
public sealed record ReplayOptions(
    IReadOnlyList<string> Files,
    CaptureFormat? Format,
    string Exchange,
    ReplayReportFormat Report,
    string? InstrumentsFile,
    int BookDepth);
