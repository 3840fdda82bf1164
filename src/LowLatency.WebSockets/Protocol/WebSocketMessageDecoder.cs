using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LowLatency.WebSockets.Compression;

namespace LowLatency.WebSockets.Protocol;

/// <summary>
/// Turns a stream of RFC 6455 frames into whole messages for an <see cref="IWebSocketMessageHandler"/>,
/// enforcing every receive-side rule of the protocol; the same decoder serves the client (unmasked
/// frames in) and the server (masked frames in).
/// </summary>
/// <remarks>
/// <para>The common case, a whole message in one uncompressed frame, is delivered as a slice of
/// the caller's buffer: no copy. Fragmented messages are reassembled into a pooled buffer, and
/// compressed ones are inflated into another; both buffers are reused, so steady-state decoding
/// allocates nothing.</para>
/// <para>A frame is handled only when all its bytes are present; until then the buffer is left at
/// the frame's first byte, and a masked payload is unmasked exactly once, in place, right before
/// it is used. Size limits are checked on the header, before the payload is waited for.</para>
/// <para>Control frames stop decoding and are reported to the caller, which owns the socket and
/// must answer pings and closes; data decoding resumes with the next call.</para>
/// </remarks>
public sealed class WebSocketMessageDecoder : IDisposable
{
    private readonly bool _expectMasked;
    private readonly int _maxMessageSize;
    private readonly MessageInflater? _inflater;
    private readonly PooledByteBuffer _fragments = new();
    private readonly PooledByteBuffer _inflated = new();
    private readonly byte[] _control = new byte[FrameReader.MaxControlPayloadLength];
    private int _controlLength;
    private bool _inMessage;
    private bool _messageCompressed;
    private WebSocketMessageType _messageType;
    private Utf8Validator _utf8;

    /// <summary>Creates a decoder for one connection.</summary>
    /// <param name="expectMaskedFrames">True on the server side (client frames are masked, §5.1), false on the client side.</param>
    /// <param name="maxMessageSize">Largest message (after inflation) accepted; larger fails with 1009.</param>
    /// <param name="perMessageDeflate">True when permessage-deflate was negotiated: RSV1 then marks a compressed message.</param>
    public WebSocketMessageDecoder(bool expectMaskedFrames, int maxMessageSize = WebSocketLimits.DefaultMaxMessageSize, bool perMessageDeflate = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _expectMasked = expectMaskedFrames;
        _maxMessageSize = maxMessageSize;
        _inflater = perMessageDeflate ? MessageInflater.Create() : null;
    }

    /// <summary>The payload of the last ping, pong or close frame reported.</summary>
    public ReadOnlySpan<byte> ControlPayload => _control.AsSpan(0, _controlLength);

    /// <summary>Status of the last close frame (<see cref="WebSocketCloseCode.NoStatusReceived"/> when it carried none).</summary>
    public WebSocketCloseCode CloseCode { get; private set; }

    /// <summary>Reason of the last close frame (decoded on demand: the close path only).</summary>
    public string CloseReason => _controlLength > 2 ? Encoding.UTF8.GetString(_control, 2, _controlLength - 2) : string.Empty;

    /// <summary>
    /// Decodes frames from <paramref name="buffer"/>, delivering whole messages to
    /// <paramref name="handler"/>, until the buffer holds no complete frame or a control frame
    /// arrives. On return <paramref name="buffer"/> starts at the first byte not consumed.
    /// </summary>
    /// <exception cref="WebSocketProtocolException">The peer broke the protocol; close with its <see cref="WebSocketProtocolException.CloseCode"/>.</exception>
    public WebSocketDecodeStatus Decode<THandler>(ref ReadOnlySequence<byte> buffer, long receiveTimestamp, ref THandler handler)
        where THandler : IWebSocketMessageHandler
    {
        // Most reads land in one pipe segment: walk it as a span, and take the general path only
        // for frames that cross a segment boundary or are control frames.
        if (buffer.IsSingleSegment && DecodeSingleSegment(ref buffer, receiveTimestamp, ref handler))
            return WebSocketDecodeStatus.NeedMoreData;
        return DecodeSequence(ref buffer, receiveTimestamp, ref handler);
    }

    /// <summary>
    /// The fast path over one contiguous segment. Returns true when it consumed every complete
    /// frame; false when it stopped at a control frame, which <see cref="DecodeSequence{THandler}"/> handles.
    /// </summary>
    private bool DecodeSingleSegment<THandler>(ref ReadOnlySequence<byte> buffer, long receiveTimestamp, ref THandler handler)
        where THandler : IWebSocketMessageHandler
    {
        ReadOnlyMemory<byte> memory = buffer.First;
        ReadOnlySpan<byte> span = memory.Span;
        int offset = 0;
        while (true)
        {
            if (!FrameReader.TryReadHeader(span[offset..], out FrameHeader header))
            {
                buffer = buffer.Slice(offset);
                return true;
            }
            if (header.Masked != _expectMasked || header.Rsv2 || header.Rsv3)
                ThrowBadHeaderBits(header);
            if (header.IsControl)
            {
                buffer = buffer.Slice(offset);
                return false;
            }
            ValidateData(header);
            int payloadStart = offset + header.HeaderLength;
            if (span.Length - payloadStart < header.PayloadLength)
            {
                buffer = buffer.Slice(offset);
                return true;
            }
            int length = (int)header.PayloadLength;
            offset = payloadStart + length;
            if (header.Masked)
                WebSocketMask.Apply(MemoryMarshal.AsMemory(memory).Span.Slice(payloadStart, length), header.MaskKey, 0);
            var payload = new ReadOnlySequence<byte>(memory.Slice(payloadStart, length));
            if (header.Fin && !header.Rsv1 && header.Opcode != WebSocketOpcode.Continuation)
            {
                var type = (WebSocketMessageType)header.Opcode;
                if (type == WebSocketMessageType.Text && !System.Text.Unicode.Utf8.IsValid(span.Slice(payloadStart, length)))
                    ThrowInvalidUtf8();
                handler.OnMessage(new WebSocketMessage(payload, type, receiveTimestamp));
                continue;
            }
            ReadFragmentOrCompressed(header, payload, receiveTimestamp, ref handler);
        }
    }

    private WebSocketDecodeStatus DecodeSequence<THandler>(ref ReadOnlySequence<byte> buffer, long receiveTimestamp, ref THandler handler)
        where THandler : IWebSocketMessageHandler
    {
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            SequencePosition frameStart = reader.Position;
            if (!FrameReader.TryReadHeader(ref reader, out FrameHeader header))
            {
                buffer = buffer.Slice(frameStart);
                return WebSocketDecodeStatus.NeedMoreData;
            }
            if (header.Masked != _expectMasked || header.Rsv2 || header.Rsv3)
                ThrowBadHeaderBits(header);
            if (header.IsControl)
            {
                if (reader.Remaining < header.PayloadLength || !header.Fin || header.PayloadLength > FrameReader.MaxControlPayloadLength)
                {
                    ValidateControl(header);
                    buffer = buffer.Slice(frameStart);
                    return WebSocketDecodeStatus.NeedMoreData;
                }
                WebSocketDecodeStatus status = ReadControl(ref reader, header);
                buffer = buffer.Slice(reader.Position);
                return status;
            }

            ValidateData(header);
            if (reader.Remaining < header.PayloadLength)
            {
                buffer = buffer.Slice(frameStart);
                return WebSocketDecodeStatus.NeedMoreData;
            }
            ReadOnlySequence<byte> payload = reader.Sequence.Slice(reader.Position, header.PayloadLength);
            reader.Advance(header.PayloadLength);
            if (header.Masked)
                Unmask(payload, header.MaskKey);
            if (header.Fin && !header.Rsv1 && header.Opcode != WebSocketOpcode.Continuation)
            {
                var type = (WebSocketMessageType)header.Opcode;
                if (type == WebSocketMessageType.Text && !Utf8Validator.IsValid(payload))
                    ThrowInvalidUtf8();
                handler.OnMessage(new WebSocketMessage(payload, type, receiveTimestamp));
                continue;
            }
            ReadFragmentOrCompressed(header, payload, receiveTimestamp, ref handler);
        }
    }

    /// <summary>Gives the pooled buffers back.</summary>
    public void Dispose()
    {
        _fragments.Dispose();
        _inflated.Dispose();
        _inflater?.Dispose();
    }

    /// <summary>Checks data-frame rules that need the connection state (§5.2, §5.4, RFC 7692 §6.1) and the size limit (§10.4).</summary>
    private void ValidateData(in FrameHeader header)
    {
        WebSocketOpcode opcode = header.Opcode;
        if (opcode == WebSocketOpcode.Continuation)
        {
            if (!_inMessage)
                ThrowProtocol("Received a continuation frame with no fragmented message in progress (RFC 6455 §5.4).");
            if (header.Rsv1)
                ThrowProtocol("Received RSV1 on a continuation frame; permessage-deflate sets it on the first frame only (RFC 7692 §6.1).");
            long total = _fragments.Length + header.PayloadLength;
            if (total > _maxMessageSize)
                ThrowTooBig(total);
            return;
        }
        if (opcode != WebSocketOpcode.Text && opcode != WebSocketOpcode.Binary)
            ThrowProtocol($"Received reserved data opcode 0x{(byte)opcode:X}; only 0x0, 0x1 and 0x2 are defined (RFC 6455 §5.2).");
        if (_inMessage)
            ThrowProtocol($"Received a new {opcode} frame while a fragmented message was still in progress; expected a continuation frame (RFC 6455 §5.4).");
        if (header.Rsv1 && _inflater is null)
            ThrowProtocol("Received a frame with RSV1 set but no extension was negotiated (RFC 6455 §5.2).");
        if (header.PayloadLength > _maxMessageSize)
            ThrowTooBig(header.PayloadLength);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ValidateControl(in FrameHeader header)
    {
        if (header.Opcode != WebSocketOpcode.Close && header.Opcode != WebSocketOpcode.Ping && header.Opcode != WebSocketOpcode.Pong)
            ThrowProtocol($"Received reserved control opcode 0x{(byte)header.Opcode:X}; only 0x8, 0x9 and 0xA are defined (RFC 6455 §5.2).");
        if (!header.Fin)
            ThrowProtocol($"Received a fragmented {header.Opcode} control frame (FIN not set); control frames must not be fragmented (RFC 6455 §5.5).");
        if (header.PayloadLength > FrameReader.MaxControlPayloadLength)
            ThrowProtocol($"Received a {header.Opcode} control frame with a {header.PayloadLength}-byte payload; at most 125 bytes are allowed (RFC 6455 §5.5).");
        if (header.Rsv1)
            ThrowProtocol($"Received RSV1 on a {header.Opcode} control frame; extensions do not apply to control frames (RFC 7692 §6.1).");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebSocketDecodeStatus ReadControl(ref SequenceReader<byte> reader, in FrameHeader header)
    {
        ValidateControl(header);
        int length = (int)header.PayloadLength;
        reader.TryCopyTo(_control.AsSpan(0, length));
        reader.Advance(length);
        _controlLength = length;
        if (header.Masked)
            WebSocketMask.Apply(_control.AsSpan(0, length), header.MaskKey, 0);
        switch (header.Opcode)
        {
            case WebSocketOpcode.Ping:
                return WebSocketDecodeStatus.Ping;
            case WebSocketOpcode.Pong:
                return WebSocketDecodeStatus.Pong;
            default:
                ReadClosePayload(length);
                return WebSocketDecodeStatus.Close;
        }
    }

    private void ReadClosePayload(int length)
    {
        if (length == 0)
        {
            CloseCode = WebSocketCloseCode.NoStatusReceived;
            return;
        }
        if (length == 1)
            ThrowProtocol("Received a close frame with a 1-byte payload; a close body is empty or starts with a 2-byte status code (RFC 6455 §5.5.1).");
        ushort code = BinaryPrimitives.ReadUInt16BigEndian(_control);
        if (!WebSocketLimits.IsValidReceivedCloseCode(code))
            ThrowProtocol($"Received close status code {code}, which may not be sent on the wire (RFC 6455 §7.4.1, §7.4.2).");
        if (!System.Text.Unicode.Utf8.IsValid(_control.AsSpan(2, length - 2)))
            ThrowInvalid("Received a close frame whose reason is not valid UTF-8 (RFC 6455 §5.5.1).");
        CloseCode = (WebSocketCloseCode)code;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadFragmentOrCompressed<THandler>(in FrameHeader header, in ReadOnlySequence<byte> payload, long receiveTimestamp, ref THandler handler)
        where THandler : IWebSocketMessageHandler
    {
        if (header.Opcode != WebSocketOpcode.Continuation)
        {
            _messageType = (WebSocketMessageType)header.Opcode;
            _messageCompressed = header.Rsv1;
            if (header.Fin)
            {
                // A whole compressed message in one frame: inflate straight from the pipe, no staging copy.
                _inflater!.Inflate(payload, _inflated, _maxMessageSize);
                Deliver(_inflated, receiveTimestamp, ref handler);
                return;
            }
            _inMessage = true;
            _fragments.Clear();
            _utf8.Reset();
        }
        _fragments.Append(payload);
        if (!_messageCompressed && _messageType == WebSocketMessageType.Text)
        {
            foreach (ReadOnlyMemory<byte> segment in payload)
            {
                if (!_utf8.Append(segment.Span))
                    ThrowInvalidUtf8();
            }
        }
        if (!header.Fin)
            return;
        _inMessage = false;
        if (_messageCompressed)
        {
            _inflater!.Inflate(_fragments.WrittenSequence, _inflated, _maxMessageSize);
            _fragments.ClearAndTrim();
            Deliver(_inflated, receiveTimestamp, ref handler);
            return;
        }
        if (_messageType == WebSocketMessageType.Text && !_utf8.IsComplete)
            ThrowInvalidUtf8();
        handler.OnMessage(new WebSocketMessage(_fragments.WrittenSequence, _messageType, receiveTimestamp));
        _fragments.ClearAndTrim();
    }

    private void Deliver<THandler>(PooledByteBuffer message, long receiveTimestamp, ref THandler handler)
        where THandler : IWebSocketMessageHandler
    {
        if (_messageType == WebSocketMessageType.Text && !System.Text.Unicode.Utf8.IsValid(message.WrittenSpan))
            ThrowInvalidUtf8();
        handler.OnMessage(new WebSocketMessage(message.WrittenSequence, _messageType, receiveTimestamp));
        message.ClearAndTrim();
    }

    private static void Unmask(in ReadOnlySequence<byte> payload, uint maskKey)
    {
        if (payload.IsSingleSegment)
        {
            WebSocketMask.Apply(MemoryMarshal.AsMemory(payload.First).Span, maskKey, 0);
            return;
        }
        int offset = 0;
        foreach (ReadOnlyMemory<byte> segment in payload)
            offset = WebSocketMask.Apply(MemoryMarshal.AsMemory(segment).Span, maskKey, offset);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadHeaderBits(in FrameHeader header)
    {
        if (header.Masked != _expectMasked)
        {
            ThrowProtocol(_expectMasked
                ? $"Received an unmasked {header.Opcode} frame from the client; clients must mask every frame (RFC 6455 §5.1)."
                : $"Received a masked {header.Opcode} frame from the server; servers must not mask frames (RFC 6455 §5.1).");
        }
        ThrowProtocol($"Received a {header.Opcode} frame with RSV{(header.Rsv2 ? 2 : 3)} set but no extension defining it was negotiated (RFC 6455 §5.2).");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowTooBig(long size) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.MessageTooBig,
            $"Received a message of at least {size} bytes; the limit is {_maxMessageSize} bytes (RFC 6455 §7.4.1, code 1009).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInvalidUtf8() =>
        ThrowInvalid("Received a text message that is not valid UTF-8 (RFC 6455 §8.1).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInvalid(string message) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.InvalidPayloadData, message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowProtocol(string message) =>
        throw new WebSocketProtocolException(WebSocketCloseCode.ProtocolError, message);
}
