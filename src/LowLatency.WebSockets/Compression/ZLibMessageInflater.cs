using System.Buffers;
using System.Runtime.InteropServices;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// <see cref="MessageInflater"/> on the system zlib (<c>libz.so.1</c>) through P/Invoke: the
/// compressed bytes are inflated where they lie in the pipe, with no intermediate stream or copy.
/// </summary>
/// <remarks>
/// <see cref="System.IO.Compression.DeflateStream"/> is allocation-free too, but it pulls input
/// through a <see cref="Stream"/> into its own buffer, pins it, and needs extra <c>inflate</c>
/// calls to learn that a message's input is exhausted; for the small messages of market data
/// that overhead dominates. The <c>z_stream</c> lives in native memory so it never moves.
/// </remarks>
internal sealed unsafe class ZLibMessageInflater : MessageInflater
{
    private const int SmallMessage = 2048;

    private readonly byte[] _small = new byte[SmallMessage];
    private ZLibNative.ZStream* _stream;

    public ZLibMessageInflater()
    {
        _stream = (ZLibNative.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZLibNative.ZStream));
        int result = ZLibNative.InflateInitRaw(_stream);
        if (result != ZLibNative.Ok)
        {
            NativeMemory.Free(_stream);
            _stream = null;
            throw new InvalidOperationException($"zlib inflateInit2 failed with {result}.");
        }
    }

    /// <inheritdoc />
    public override void Inflate(in ReadOnlySequence<byte> compressed, PooledByteBuffer output, int maxLength)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        output.Clear();
        if (compressed.Length <= SmallMessage - SyncFlushTrailer.Length)
        {
            // Market data is mostly small messages: one inflate call over message and trailer
            // costs less than the copy that joins them.
            int length = (int)compressed.Length;
            compressed.CopyTo(_small);
            SyncFlushTrailer.CopyTo(_small.AsSpan(length));
            Feed(_small.AsSpan(0, length + SyncFlushTrailer.Length), output, maxLength);
            return;
        }
        foreach (ReadOnlyMemory<byte> segment in compressed)
            Feed(segment.Span, output, maxLength);
        Feed(SyncFlushTrailer, output, maxLength);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        if (_stream is null)
            return;
        ZLibNative.InflateEnd(_stream);
        NativeMemory.Free(_stream);
        _stream = null;
    }

    private void Feed(ReadOnlySpan<byte> input, PooledByteBuffer output, int maxLength)
    {
        fixed (byte* inputPointer = input)
        {
            _stream->NextIn = inputPointer;
            _stream->AvailIn = (uint)input.Length;
            while (true)
            {
                Span<byte> free = output.GetFreeSpan(4096);
                int room = maxLength + 1 - output.Length;
                if (free.Length > room)
                    free = free[..room];
                int result;
                fixed (byte* outputPointer = free)
                {
                    _stream->NextOut = outputPointer;
                    _stream->AvailOut = (uint)free.Length;
                    result = ZLibNative.Inflate(_stream, ZLibNative.SyncFlush);
                    output.Advance(free.Length - (int)_stream->AvailOut);
                }
                if (output.Length > maxLength)
                    ThrowTooBig(maxLength);
                if (result == ZLibNative.StreamEnd)
                {
                    // A block with BFINAL ended the deflate stream; what follows starts a new one.
                    ZLibNative.InflateReset(_stream);
                }
                else if (result != ZLibNative.Ok && result != ZLibNative.BufferError)
                {
                    ThrowCorrupt(_stream->Message is null ? $"zlib error {result}" : Marshal.PtrToStringUTF8((IntPtr)_stream->Message) ?? $"zlib error {result}");
                }
                // Done with this input once zlib took all of it and still had room to spare.
                if (_stream->AvailIn == 0 && _stream->AvailOut != 0)
                    break;
                if (result == ZLibNative.BufferError && _stream->AvailOut != 0)
                    break;
            }
            _stream->NextIn = null;
        }
    }
}
