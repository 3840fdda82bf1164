namespace LowLatency.Replay.Capture;

/// <summary>Reads lines from a stream into one reusable buffer: no allocation per line, never the whole file in memory.</summary>
/// <remarks>
/// The buffer grows to the longest line (REST snapshots inside captures reach hundreds of KB)
/// and is reused. A returned line is valid until the next call. <c>\r\n</c> endings are trimmed;
/// a last line without a newline is returned.
/// </remarks>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Creates a reader over <paramref name="stream"/>, which it owns.</summary>
    public LineReader(Stream stream, int initialBufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _buffer = new byte[Math.Max(16, initialBufferSize)];
    }

    /// <summary>Lines returned so far (the number of the last line).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                    length--;
                line = new ReadOnlyMemory<byte>(_buffer, _start, length);
                _start = newline + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                var length = _end - _start;
                if (_buffer[_end - 1] == (byte)'\r')
                    length--;
                line = new ReadOnlyMemory<byte>(_buffer, _start, length);
                _start = _end;
                LineNumber++;
                return true;
            }
            scanFrom = _end;
            Fill(ref scanFrom);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Fill(ref int scanFrom)
    {
        if (_start > 0)
        {
            var pending = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            scanFrom -= _start;
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }
}
