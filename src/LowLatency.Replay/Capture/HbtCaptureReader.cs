namespace LowLatency.Replay.Capture;

/// <summary>Reads <c>&lt;unix_ns&gt; &lt;raw message&gt;</c> lines (hftbacktest collector, our native format).</summary>
/// <remarks>
/// The separator is a space (hftbacktest) or a tab (our recorder). Every line is a received
/// record; REST snapshots that the collector wrote in-line are bare bodies, recognised by the adapter.
/// </remarks>
public sealed class HbtCaptureReader : ICaptureReader
{
    private readonly LineReader _lines;

    /// <summary>Creates a reader over a decompressed stream it owns.</summary>
    public HbtCaptureReader(Stream stream, string source)
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
            var span = line.Span;
            if (span.IsEmpty)
                continue;
            var separator = span.IndexOfAny((byte)' ', (byte)'\t');
            if (separator <= 0 || !CaptureTimestamps.TryParseNanoseconds(span[..separator], out var timestamp))
                throw new CaptureFormatException(Source, _lines.LineNumber, "'<unix_ns> <message>'", span);
            record = new CaptureRecord(CaptureRecordKind.Received, timestamp, default, line[(separator + 1)..], _lines.LineNumber);
            return true;
        }
        record = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();
}
