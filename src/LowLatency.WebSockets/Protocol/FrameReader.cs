using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LowLatency.WebSockets.Protocol;

/// <summary>
/// Parses RFC 6455 frame headers from a <see cref="SequenceReader{T}"/>; a header may span
/// pipe segments.
/// </summary>
/// <remarks>
/// The reader is advanced past a whole header or left exactly where it was, so a caller that
/// gets <c>false</c> reports the start as consumed and the end as examined, and the pipe wakes it
/// only when more bytes arrive. Semantic rules (masking direction, control frame limits, opcodes
/// in sequence) belong to <see cref="WebSocketMessageDecoder"/>, which knows the connection state.
/// </remarks>
public static class FrameReader
{
    /// <summary>RFC 6455 §5.5: control frames carry at most 125 bytes of payload.</summary>
    public const int MaxControlPayloadLength = 125;

    /// <summary>The longest header: 2 bytes, 8 of extended length, 4 of masking key.</summary>
    public const int MaxHeaderLength = 14;

    /// <summary>
    /// Reads one frame header. Returns false, with the reader untouched, when the bytes of the
    /// header are not all there yet.
    /// </summary>
    /// <exception cref="WebSocketProtocolException">A 64-bit length with its most significant bit set (§5.2).</exception>
    public static bool TryReadHeader(ref SequenceReader<byte> reader, out FrameHeader header)
    {
        ReadOnlySpan<byte> span = reader.UnreadSpan;
        if (span.Length >= MaxHeaderLength)
        {
            header = Decode(span);
            reader.Advance(header.HeaderLength);
            return true;
        }
        return TryReadHeaderSlow(ref reader, out header);
    }

    /// <summary>
    /// Reads one frame header from a contiguous span. Returns false when the span does not yet hold
    /// the whole header.
    /// </summary>
    /// <exception cref="WebSocketProtocolException">A 64-bit length with its most significant bit set (§5.2).</exception>
    public static bool TryReadHeader(ReadOnlySpan<byte> span, out FrameHeader header)
    {
        if (span.Length >= 2 && span.Length >= RequiredLength(span[1]))
        {
            header = Decode(span);
            return true;
        }
        header = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryReadHeaderSlow(ref SequenceReader<byte> reader, out FrameHeader header)
    {
        Span<byte> copy = stackalloc byte[MaxHeaderLength];
        if (reader.Remaining < 2)
        {
            header = default;
            return false;
        }
        reader.TryCopyTo(copy[..2]);
        int required = RequiredLength(copy[1]);
        if (reader.Remaining < required)
        {
            header = default;
            return false;
        }
        reader.TryCopyTo(copy[..required]);
        header = Decode(copy);
        reader.Advance(required);
        return true;
    }

    private static int RequiredLength(byte second)
    {
        int length7 = second & 0x7F;
        int extended = length7 switch { 126 => 2, 127 => 8, _ => 0 };
        return 2 + extended + ((second & 0x80) != 0 ? 4 : 0);
    }

    /// <summary>Decodes a header from a span known to hold all of it.</summary>
    private static FrameHeader Decode(ReadOnlySpan<byte> span)
    {
        byte first = span[0];
        byte second = span[1];
        bool masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        int offset = 2;
        if (length == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(2, 2));
            offset = 4;
        }
        else if (length == 127)
        {
            ulong length64 = BinaryPrimitives.ReadUInt64BigEndian(span.Slice(2, 8));
            if (length64 > long.MaxValue)
                ThrowLengthWithHighBit(length64);
            length = (long)length64;
            offset = 10;
        }
        uint maskKey = 0;
        if (masked)
        {
            maskKey = BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(offset, 4));
            offset += 4;
        }
        return new FrameHeader(
            Fin: (first & 0x80) != 0,
            Rsv1: (first & 0x40) != 0,
            Rsv2: (first & 0x20) != 0,
            Rsv3: (first & 0x10) != 0,
            Opcode: (WebSocketOpcode)(first & 0x0F),
            Masked: masked,
            MaskKey: maskKey,
            PayloadLength: length,
            HeaderLength: offset);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthWithHighBit(ulong length) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.ProtocolError,
            $"Received a frame whose 64-bit payload length 0x{length:X16} has its most significant bit set; it must be 0 (RFC 6455 §5.2).");
}
