using System.Buffers;
using System.IO.Compression;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// The portable <see cref="MessageInflater"/>: one <see cref="DeflateStream"/> kept for the
/// connection's life, used where the system zlib cannot be called directly.
/// </summary>
/// <remarks>
/// Built on <see cref="DeflateStream"/> (window of 2^15, which inflates any window size the peer
/// chose) over a re-armable input stream: after its one-time buffers, inflating a message
/// allocates nothing, which the allocation tests check. A persistent inflater also decodes a peer
/// that resets its own context (<c>server_no_context_takeover</c>), because such a peer simply
/// never refers back to earlier messages. A deflate block with BFINAL ends the zlib stream; the
/// inflater is then re-created, which only a non-conforming or unusual peer triggers.
/// </remarks>
internal sealed class DeflateStreamMessageInflater : MessageInflater
{
    private readonly SequenceInputStream _input = new();
    private DeflateStream _inflater;

    public DeflateStreamMessageInflater()
    {
        _inflater = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <inheritdoc />
    public override void Inflate(in ReadOnlySequence<byte> compressed, PooledByteBuffer output, int maxLength)
    {
        output.Clear();
        _input.Reset(compressed, SyncFlushTrailer);
        InflateAll(output, maxLength);
        if (_input.Remaining > 0)
        {
            // The stream ended (BFINAL) before all input was used: start a fresh one. If nothing came
            // out, the message was sent after the end and is inflated again with the new inflater.
            RecreateInflater();
            if (output.Length == 0)
            {
                _input.Reset(compressed, SyncFlushTrailer);
                InflateAll(output, maxLength);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _inflater.Dispose();
        _input.Dispose();
    }

    private void InflateAll(PooledByteBuffer output, int maxLength)
    {
        while (true)
        {
            Span<byte> free = output.GetFreeSpan(4096);
            int room = maxLength + 1 - output.Length;
            if (free.Length > room)
                free = free[..room];
            int n;
            try
            {
                n = _inflater.Read(free);
            }
            catch (InvalidDataException ex)
            {
                ThrowCorrupt(ex.Message);
                return;
            }
            if (n == 0)
                return;
            output.Advance(n);
            if (output.Length > maxLength)
                ThrowTooBig(maxLength);
        }
    }

    private void RecreateInflater()
    {
        _inflater.Dispose();
        _inflater = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }
}
