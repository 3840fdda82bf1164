using System.Buffers;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// A read-only stream over one <see cref="ReadOnlySequence{T}"/> at a time, followed by an
/// optional trailer; it reports end of data when both are read, and can be re-armed with the next
/// message so a long-lived decompression stream keeps its state across messages.
/// </summary>
internal sealed class SequenceInputStream : Stream
{
    private ReadOnlySequence<byte> _data;
    private ReadOnlyMemory<byte> _trailer;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes not yet handed to the reader.</summary>
    public long Remaining => _data.Length + _trailer.Length;

    public void Reset(in ReadOnlySequence<byte> data, ReadOnlyMemory<byte> trailer)
    {
        _data = data;
        _trailer = trailer;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        if (!_data.IsEmpty)
        {
            int n = (int)Math.Min(buffer.Length, _data.Length);
            _data.Slice(0, n).CopyTo(buffer);
            _data = _data.Slice(n);
            written = n;
        }
        if (written < buffer.Length && !_trailer.IsEmpty)
        {
            int n = Math.Min(buffer.Length - written, _trailer.Length);
            _trailer.Span[..n].CopyTo(buffer[written..]);
            _trailer = _trailer[n..];
            written += n;
        }
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
