using System.Buffers.Binary;

namespace LowLatency.WebSockets.Protocol;

/// <summary>
/// Writes RFC 6455 frames: headers for the send path, and whole pre-encoded frames the server
/// side can serve with a plain memory copy.
/// </summary>
public static class FrameEncoder
{
    /// <summary>Header bytes for a payload of <paramref name="payloadLength"/> bytes (2 to 14).</summary>
    public static int GetHeaderLength(long payloadLength, bool masked) =>
        (payloadLength <= 125 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10) + (masked ? 4 : 0);

    /// <summary>Total bytes of a frame carrying <paramref name="payloadLength"/> bytes.</summary>
    public static long GetFrameLength(long payloadLength, bool masked) => GetHeaderLength(payloadLength, masked) + payloadLength;

    /// <summary>Writes a frame header; returns its length.</summary>
    /// <param name="destination">At least <see cref="GetHeaderLength"/> bytes.</param>
    /// <param name="opcode">The frame opcode.</param>
    /// <param name="fin">True for the final (or only) frame of a message.</param>
    /// <param name="rsv1">True for the first frame of a permessage-deflate compressed message.</param>
    /// <param name="payloadLength">Payload bytes that will follow.</param>
    /// <param name="masked">True on client-to-server frames.</param>
    /// <param name="maskKey">The masking key (wire byte <c>i</c> in bits <c>8i..8i+7</c>) when masked.</param>
    public static int WriteHeader(Span<byte> destination, WebSocketOpcode opcode, bool fin, bool rsv1, long payloadLength, bool masked, uint maskKey)
    {
        byte maskBit = masked ? (byte)0x80 : (byte)0;
        destination[0] = (byte)((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (byte)opcode);
        int offset;
        if (payloadLength <= 125)
        {
            destination[1] = (byte)(maskBit | payloadLength);
            offset = 2;
        }
        else if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = (byte)(maskBit | 126);
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            offset = 4;
        }
        else
        {
            destination[1] = (byte)(maskBit | 127);
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
            offset = 10;
        }
        if (masked)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], maskKey);
            offset += 4;
        }
        return offset;
    }

    /// <summary>Writes a whole frame (header and payload, masked when asked); returns its length.</summary>
    public static int WriteFrame(Span<byte> destination, WebSocketOpcode opcode, ReadOnlySpan<byte> payload, bool fin = true,
        bool rsv1 = false, bool masked = false, uint maskKey = 0)
    {
        int header = WriteHeader(destination, opcode, fin, rsv1, payload.Length, masked, maskKey);
        Span<byte> body = destination.Slice(header, payload.Length);
        payload.CopyTo(body);
        if (masked)
            WebSocketMask.Apply(body, maskKey, 0);
        return header + payload.Length;
    }

    /// <summary>
    /// Encodes one unmasked server-to-client message frame once, so serving it later is a memory
    /// copy (see <see cref="Server.WebSocketFrameBatch"/>).
    /// </summary>
    public static byte[] EncodeServerFrame(ReadOnlySpan<byte> payload, WebSocketMessageType type)
    {
        var frame = new byte[GetFrameLength(payload.Length, masked: false)];
        WriteFrame(frame, (WebSocketOpcode)type, payload);
        return frame;
    }

    /// <summary>
    /// Encodes one unmasked server frame compressed with permessage-deflate (RSV1 set), compressed
    /// on its own so it can be served to any client that negotiated the extension, in any order.
    /// </summary>
    /// <remarks>
    /// A sender may always choose not to refer back to earlier messages (RFC 7692 §7.2.1), so
    /// self-contained frames are valid with or without context takeover, as long as every
    /// compressed message on that connection is self-contained: all pre-encoded, or sent on a
    /// connection that negotiated <c>server_no_context_takeover</c>. Mixing them with
    /// <see cref="WebSocketConnection.SendAsync"/> on a context-keeping connection is not valid:
    /// its deflater would refer back to a window the receiver no longer shares.
    /// </remarks>
    public static byte[] EncodeCompressedServerFrame(ReadOnlySpan<byte> payload, WebSocketMessageType type)
    {
        byte[] compressed = Compression.MessageDeflater.CompressStandalone(payload);
        var frame = new byte[GetFrameLength(compressed.Length, masked: false)];
        WriteFrame(frame, (WebSocketOpcode)type, compressed, fin: true, rsv1: true);
        return frame;
    }
}
