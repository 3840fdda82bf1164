namespace LowLatency.WebSockets.Protocol;

/// <summary>Why <see cref="WebSocketMessageDecoder.Decode{THandler}"/> returned.</summary>
public enum WebSocketDecodeStatus : byte
{
    /// <summary>Every complete frame was handled; the rest of the buffer is an incomplete frame (or empty).</summary>
    NeedMoreData,

    /// <summary>A ping arrived; its payload is in <see cref="WebSocketMessageDecoder.ControlPayload"/> and a pong is due.</summary>
    Ping,

    /// <summary>A pong arrived; its payload is in <see cref="WebSocketMessageDecoder.ControlPayload"/>.</summary>
    Pong,

    /// <summary>A close frame arrived; see <see cref="WebSocketMessageDecoder.CloseCode"/> and <see cref="WebSocketMessageDecoder.CloseReason"/>.</summary>
    Close,
}
