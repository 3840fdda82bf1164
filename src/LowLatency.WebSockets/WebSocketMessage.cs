using System.Buffers;

namespace LowLatency.WebSockets;

/// <summary>
/// One whole received data message, valid only during the <see cref="IWebSocketMessageHandler.OnMessage"/>
/// call that receives it.
/// </summary>
/// <remarks>
/// A message that arrived in one uncompressed frame is a slice of the receive pipe (no copy); a
/// fragmented or compressed one lives in a pooled buffer reused for the next message. Either way
/// the memory is recycled after the call returns: copy what must outlive it.
/// </remarks>
public readonly ref struct WebSocketMessage
{
    /// <summary>Creates a message view.</summary>
    public WebSocketMessage(ReadOnlySequence<byte> payload, WebSocketMessageType type, long receiveTimestamp)
    {
        Payload = payload;
        Type = type;
        ReceiveTimestamp = receiveTimestamp;
    }

    /// <summary>The message bytes (UTF-8 already validated for text).</summary>
    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>Text or binary.</summary>
    public WebSocketMessageType Type { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> taken when the read that completed this message returned.</summary>
    public long ReceiveTimestamp { get; }
}
