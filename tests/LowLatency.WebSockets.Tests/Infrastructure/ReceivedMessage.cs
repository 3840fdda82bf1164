namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>A copy of a delivered message, kept after the handler returned.</summary>
public sealed record ReceivedMessage(WebSocketMessageType Type, byte[] Payload, long ReceiveTimestamp, bool WasSingleSegment)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}
