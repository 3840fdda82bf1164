using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// Inflates binary message payloads that an exchange compressed itself (HTX gzip, OKX deflate),
/// with an output limit against decompression bombs; one instance per connection, used on its
/// receive thread.
/// </summary>
/// <remarks>
/// Gzip payloads go through one long-lived <see cref="GZipStream"/>, which reads consecutive
/// members as they are fed, so steady state allocates nothing. A raw deflate or zlib payload is a
/// complete stream that ends the inflater's state, and <see cref="DeflateStream"/> cannot be reset,
/// so those formats create a small decompression stream per payload.
/// </remarks>
public sealed class PayloadInflater : IDisposable
{
    private readonly PayloadCompression _compression;
    private readonly int _maxLength;
    private readonly SequenceInputStream _input = new();
    private readonly PooledByteBuffer _output = new();
    private Stream? _gzip;

    /// <summary>Creates an inflater for one format.</summary>
    public PayloadInflater(PayloadCompression compression, int maxLength = WebSocketLimits.DefaultMaxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        _compression = compression;
        _maxLength = maxLength;
    }

    /// <summary>Inflates one payload; the result is valid until the next call.</summary>
    /// <exception cref="InvalidDataException">The payload is corrupt, truncated, or inflates past the limit.</exception>
    public ReadOnlySpan<byte> Inflate(in ReadOnlySequence<byte> compressed)
    {
        _output.Clear();
        _input.Reset(compressed, ReadOnlyMemory<byte>.Empty);
        if (_compression == PayloadCompression.Gzip)
        {
            _gzip ??= new GZipStream(_input, CompressionMode.Decompress, leaveOpen: true);
            try
            {
                ReadAll(_gzip);
            }
            catch (InvalidDataException)
            {
                // The stream is stuck inside a bad member: the next payload starts on a fresh one.
                _gzip.Dispose();
                _gzip = null;
                throw;
            }
        }
        else
        {
            using Stream stream = _compression == PayloadCompression.Zlib
                ? new ZLibStream(_input, CompressionMode.Decompress, leaveOpen: true)
                : new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
            ReadAll(stream);
        }
        return _output.WrittenSpan;
    }

    /// <summary>Releases the buffers and the inflater.</summary>
    public void Dispose()
    {
        _gzip?.Dispose();
        _input.Dispose();
        _output.Dispose();
    }

    private void ReadAll(Stream stream)
    {
        while (true)
        {
            Span<byte> free = _output.GetFreeSpan(4096);
            int room = _maxLength + 1 - _output.Length;
            int n = stream.Read(free.Length > room ? free[..room] : free);
            if (n == 0)
                return;
            _output.Advance(n);
            if (_output.Length > _maxLength)
                ThrowTooBig();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowTooBig() =>
        throw new InvalidDataException($"A {_compression} payload inflates to more than the {_maxLength}-byte limit.");
}
