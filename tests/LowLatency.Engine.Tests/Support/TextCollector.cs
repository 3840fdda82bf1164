using System.Collections.Concurrent;
using System.Text;
using LowLatency.WebSockets;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Collects the text messages a WebSocket receives.</summary>
public sealed class TextCollector : IWebSocketMessageHandler
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public void OnMessage(in WebSocketMessage message) => Messages.Enqueue(Encoding.UTF8.GetString(message.Payload));
}
