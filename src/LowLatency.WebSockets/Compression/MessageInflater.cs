using System.Buffers;
using System.Runtime.CompilerServices;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// The receive side of permessage-deflate (RFC 7692 §7.2.2): one raw-deflate inflater kept for
/// the connection's life, so the sliding window carries over between messages (context takeover).
/// </summary>
/// <remarks>
/// A persistent inflater with a 2^15 window decodes every peer: one that resets its context
/// (<c>server_no_context_takeover</c>) simply never refers back, and a smaller server window is a
/// subset. Two implementations: <see cref="ZLibMessageInflater"/> calls the system zlib directly on
/// the pipe's memory (one <c>inflate</c> per segment, no copy) where it can be loaded, and
/// <see cref="DeflateStreamMessageInflater"/> is the portable fallback. Both allocate nothing per message.
/// </remarks>
internal abstract class MessageInflater : IDisposable
{
    /// <summary>RFC 7692 §7.2.2: the sender strips the final empty stored block; the receiver appends it back.</summary>
    protected static readonly byte[] SyncFlushTrailer = [0x00, 0x00, 0xFF, 0xFF];

    /// <summary>The fastest implementation this platform supports.</summary>
    public static MessageInflater Create() =>
        ZLibNative.IsAvailable ? new ZLibMessageInflater() : new DeflateStreamMessageInflater();

    /// <summary>
    /// Inflates one message into <paramref name="output"/> (cleared first); more than
    /// <paramref name="maxLength"/> bytes of output fails with 1009 (a deflate bomb stops there).
    /// </summary>
    public abstract void Inflate(in ReadOnlySequence<byte> compressed, PooledByteBuffer output, int maxLength);

    /// <summary>Releases the native inflater.</summary>
    public abstract void Dispose();

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected static void ThrowCorrupt(string detail) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.InvalidPayloadData,
            $"Received a compressed message that is not valid raw deflate data ({detail}) (RFC 7692 §7.2.2).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected static void ThrowTooBig(int maxLength) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.MessageTooBig,
            $"Received a compressed message that inflates to more than the {maxLength}-byte message limit (RFC 6455 §7.4.1, code 1009).");
}
