namespace LowLatency.WebSockets;

/// <summary>The type of a data message: the opcode of its first frame.</summary>
public enum WebSocketMessageType : byte
{
    /// <summary>UTF-8 text (validated before delivery).</summary>
    Text = 1,

    /// <summary>Arbitrary bytes.</summary>
    Binary = 2,
}
