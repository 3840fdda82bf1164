namespace LowLatency.WebSockets;

/// <summary>Receives whole data messages on the connection's receive thread.</summary>
/// <remarks>
/// The receive loop is generic over the handler, so a struct (or sealed class) implementation is
/// called directly, without boxing or delegate allocation. The call blocks the reader: keep it
/// short (parse and publish to a ring), and never block on the same connection's sends from it.
/// </remarks>
public interface IWebSocketMessageHandler
{
    /// <summary>Handles one message; its memory is only valid during this call.</summary>
    void OnMessage(in WebSocketMessage message);
}
