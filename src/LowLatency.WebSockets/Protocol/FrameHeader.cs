namespace LowLatency.WebSockets.Protocol;

/// <summary>The decoded base header of one frame (RFC 6455 §5.2), before any semantic check.</summary>
/// <param name="Fin">FIN: this is the final frame of a message.</param>
/// <param name="Rsv1">RSV1: per-message compressed (RFC 7692) when permessage-deflate is negotiated.</param>
/// <param name="Rsv2">RSV2: no extension we support defines it.</param>
/// <param name="Rsv3">RSV3: no extension we support defines it.</param>
/// <param name="Opcode">The raw 4-bit opcode (reserved values are kept so they can be reported).</param>
/// <param name="Masked">MASK bit: set on every client-to-server frame, never on server-to-client ones.</param>
/// <param name="MaskKey">The masking key with wire byte <c>i</c> in bits <c>8i..8i+7</c>; 0 when not masked.</param>
/// <param name="PayloadLength">Payload length in bytes (7, 16 or 63-bit encoding).</param>
/// <param name="HeaderLength">Bytes of header before the payload: 2 to 14.</param>
public readonly record struct FrameHeader(
    bool Fin,
    bool Rsv1,
    bool Rsv2,
    bool Rsv3,
    WebSocketOpcode Opcode,
    bool Masked,
    uint MaskKey,
    long PayloadLength,
    int HeaderLength)
{
    /// <summary>True for close, ping and pong (opcodes with the high bit set, §5.5).</summary>
    public bool IsControl => ((byte)Opcode & 0x8) != 0;

    /// <summary>Total bytes of the frame on the wire.</summary>
    public long FrameLength => HeaderLength + PayloadLength;
}
