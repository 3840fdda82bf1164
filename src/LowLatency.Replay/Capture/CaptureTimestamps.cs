using LowLatency.Core.Numerics;

namespace LowLatency.Replay.Capture;

/// <summary>Timestamp fields of capture lines, converted to ns since the epoch without allocating.</summary>
internal static class CaptureTimestamps
{
    /// <summary>Integer nanoseconds (<c>1723161253937085768</c>).</summary>
    public static bool TryParseNanoseconds(ReadOnlySpan<byte> text, out long nanoseconds) =>
        FixedPointParser.TryParse(text, 0, out nanoseconds) == NumberParseStatus.Ok && nanoseconds >= 0 && !text.Contains((byte)'.');

    /// <summary>Seconds with a fraction (<c>1633998512.0633569</c>); digits below a nanosecond are refused.</summary>
    public static bool TryParseSeconds(ReadOnlySpan<byte> text, out long nanoseconds) =>
        FixedPointParser.TryParse(text, 9, out nanoseconds) == NumberParseStatus.Ok && nanoseconds >= 0;
}
