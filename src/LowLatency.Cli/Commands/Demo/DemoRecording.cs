using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>One recording the demo replays: which venue it stands in for and what to subscribe.</summary>
/// <param name="Venue">The venue, e.g. <c>binance-spot</c>.</param>
/// <param name="Files">Capture files, relative to the fixtures folder.</param>
/// <param name="Format">The capture format, or null to detect it.</param>
/// <param name="InstrumentsFile">A recorded instrument message giving the exact precisions (Kraken's checksums need them), or null.</param>
/// <param name="Symbols">The symbols to subscribe.</param>
/// <param name="Channels">The channels to subscribe.</param>
/// <param name="BookDepth">The book depth the recording was made with (0: the venue's default).</param>
/// <param name="TimeField">For a recording without receive times: the message field whose time paces it (see <see cref="TimedCapture"/>); else null.</param>
public sealed record DemoRecording(
    string Venue,
    IReadOnlyList<string> Files,
    CaptureFormat? Format,
    string? InstrumentsFile,
    IReadOnlyList<string> Symbols,
    MarketChannels Channels,
    int BookDepth,
    string? TimeField = null);
