namespace LowLatency.WebSockets.Protocol;

/// <summary>Frame opcodes of RFC 6455 §5.2 (values 3-7 and 0xB-0xF are reserved).</summary>
public enum WebSocketOpcode : byte
{
    /// <summary>A continuation of a fragmented message (§5.4).</summary>
    Continuation = 0x0,

    /// <summary>The first frame of a text message (UTF-8).</summary>
    Text = 0x1,

    /// <summary>The first frame of a binary message.</summary>
    Binary = 0x2,

    /// <summary>Close control frame (§5.5.1).</summary>
    Close = 0x8,

    /// <summary>Ping control frame (§5.5.2).</summary>
    Ping = 0x9,

    /// <summary>Pong control frame (§5.5.3).</summary>
    Pong = 0xA,
}
