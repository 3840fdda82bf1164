namespace LowLatency.Replay.Capture;

/// <summary>A capture line that is not in the expected format (the file cannot be read further with confidence).</summary>
public sealed class CaptureFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="lineNumber"/> of <paramref name="source"/>.</summary>
    public CaptureFormatException(string source, long lineNumber, string expected, ReadOnlySpan<byte> line)
        : base($"{source}:{lineNumber}: received '{Shorten(line)}'; expected {expected}.")
    {
        Source = source;
        LineNumber = lineNumber;
    }

    /// <summary>The file.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line number.</summary>
    public long LineNumber { get; }

    private static string Shorten(ReadOnlySpan<byte> line) =>
        System.Text.Encoding.UTF8.GetString(line.Length > 60 ? line[..60] : line) + (line.Length > 60 ? "..." : "");
}
