namespace LowLatency.Replay.Capture;

/// <summary>Reads cryptofeed <c>sample_data</c> format 1 (see <see cref="CaptureFormat.Cryptofeed"/>).</summary>
public sealed class CryptofeedCaptureReader : ICaptureReader
{
    private const string Expected = "'ts: body', 'URL -> ts: body', 'URL <-> ts' or 'URL <- ts: body'";
    private readonly LineReader _lines;

    /// <summary>Creates a reader over a decompressed stream it owns.</summary>
    public CryptofeedCaptureReader(Stream stream, string source)
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
            if (line.IsEmpty)
                continue;
            if (!TryParse(line, _lines.LineNumber, out record))
                throw new CaptureFormatException(Source, _lines.LineNumber, Expected, line.Span);
            return true;
        }
        record = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private static bool TryParse(ReadOnlyMemory<byte> line, long lineNumber, out CaptureRecord record)
    {
        var span = line.Span;
        record = default;
        if ((uint)(span[0] - '0') <= 9)
            return TryTimestampAndBody(line, 0, CaptureRecordKind.Received, default, lineNumber, out record);

        var space = span.IndexOf((byte)' ');
        if (space <= 0)
            return false;
        var url = line[..space];
        var rest = span[(space + 1)..];
        if (rest.StartsWith("-> "u8))
            return TryTimestampAndBody(line, space + 4, CaptureRecordKind.RestResponse, url, lineNumber, out record);
        if (rest.StartsWith("<- "u8))
            return TryTimestampAndBody(line, space + 4, CaptureRecordKind.Sent, url, lineNumber, out record);
        if (rest.StartsWith("<-> "u8) && CaptureTimestamps.TryParseSeconds(span[(space + 5)..], out var connected))
        {
            record = new CaptureRecord(CaptureRecordKind.Connected, connected, url, default, lineNumber);
            return true;
        }
        return false;
    }

    private static bool TryTimestampAndBody(ReadOnlyMemory<byte> line, int start, CaptureRecordKind kind, ReadOnlyMemory<byte> url, long lineNumber, out CaptureRecord record)
    {
        var span = line.Span[start..];
        var colon = span.IndexOf(": "u8);
        if (colon <= 0 || !CaptureTimestamps.TryParseSeconds(span[..colon], out var timestamp))
        {
            record = default;
            return false;
        }
        record = new CaptureRecord(kind, timestamp, url, line[(start + colon + 2)..], lineNumber);
        return true;
    }
}
