namespace LowLatency.Replay.Capture;

/// <summary>Reads one raw message per line (no timestamps); empty lines are skipped.</summary>
public sealed class LinesCaptureReader : ICaptureReader
{
    private readonly LineReader _lines;

    /// <summary>Creates a reader over a decompressed stream it owns.</summary>
    public LinesCaptureReader(Stream stream, string source)
    {
        _lines = new LineReader(stream);
        Source = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public bool TryRead(out CaptureRecord record)
    {
        while (_lines.TryReadLine(out var line))
        {
            if (line.Span.Trim((byte)' ').IsEmpty)
                continue;
            record = new CaptureRecord(CaptureRecordKind.Received, 0, default, line, _lines.LineNumber);
            return true;
        }
        record = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();
}
