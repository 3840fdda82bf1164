namespace LowLatency.Replay.Tests.Capture;

/// <summary>A read-only stream that hands out its bytes in chunks of given sizes, like a socket or a decompressor.</summary>
internal sealed class ChunkedStream(byte[] data, int[] chunkSizes) : Stream
{
    private int _position;
    private int _chunk;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var size = chunkSizes.Length == 0 ? count : Math.Max(1, chunkSizes[_chunk++ % chunkSizes.Length]);
        var n = Math.Min(Math.Min(size, count), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
