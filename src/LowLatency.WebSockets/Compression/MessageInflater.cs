using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// The receive side of permessage-deflate (RFC 7692 §7.2.2): one raw-deflate inflater kept for
/// the connection's life, so the sliding window carries over between messages (context takeover).
/// </summary>
/// <remarks>
/// Built on <see cref="DeflateStream"/> (window of 2^15, which inflates any window size the peer
/// chose) over a re-armable input stream: after its one-time buffers, inflating a message
/// allocates nothing, which the allocation tests check. A persistent inflater also decodes a peer
/// that resets its own context (<c>server_no_context_takeover</c>), because such a peer simply
/// never refers back to earlier messages. A deflate block with BFINAL ends the zlib stream; the
/// inflater is then re-created, which only a non-conforming or unusual peer triggers.
/// </remarks>
internal sealed class MessageInflater : IDisposable
{
    /// <summary>RFC 7692 §7.2.2: the sender strips the final empty stored block; the receiver appends it back.</summary>
    private static readonly byte[] s_syncFlushTrailer = [0x00, 0x00, 0xFF, 0xFF];

    private readonly SequenceInputStream _input = new();
    private DeflateStream _inflater;

    public MessageInflater()
    {
        _inflater = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>
    /// Inflates one message into <paramref name="output"/> (cleared first); more than
    /// <paramref name="maxLength"/> bytes of output fails with 1009 (a deflate bomb stops there).
    /// </summary>
    public void Inflate(in ReadOnlySequence<byte> compressed, PooledByteBuffer output, int maxLength)
    {
        output.Clear();
        _input.Reset(compressed, s_syncFlushTrailer);
        InflateAll(output, maxLength);
        if (_input.Remaining > 0)
        {
            // The stream ended (BFINAL) before all input was used: start a fresh one. If nothing came
            // out, the message was sent after the end and is inflated again with the new inflater.
            RecreateInflater();
            if (output.Length == 0)
            {
                _input.Reset(compressed, s_syncFlushTrailer);
                InflateAll(output, maxLength);
            }
        }
    }

    public void Dispose()
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
                ThrowCorrupt(ex);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCorrupt(InvalidDataException ex) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.InvalidPayloadData,
            $"Received a compressed message that is not valid raw deflate data ({ex.Message}) (RFC 7692 §7.2.2).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooBig(int maxLength) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.MessageTooBig,
            $"Received a compressed message that inflates to more than the {maxLength}-byte message limit (RFC 6455 §7.4.1, code 1009).");
}
