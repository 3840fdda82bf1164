using LowLatency.WebSockets;

namespace LowLatency.Replay.Recording;

/// <summary>
/// A tap for a connection's message handler: every text message goes to a
/// <see cref="CaptureRecorder"/> with its receive timestamp, then on to <typeparamref name="THandler"/>.
/// </summary>
/// <remarks>
/// A struct generic over the inner handler, so the connection still calls it directly. Binary
/// messages are passed on but not recorded: a capture holds one text line per message.
/// </remarks>
public struct RecordingHandler<THandler> : IWebSocketMessageHandler
    where THandler : IWebSocketMessageHandler
{
    private readonly CaptureRecorder _recorder;
    private THandler _inner;

    /// <summary>Records into <paramref name="recorder"/> and forwards to <paramref name="inner"/>.</summary>
    public RecordingHandler(CaptureRecorder recorder, THandler inner)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        _recorder = recorder;
        _inner = inner;
    }

    /// <inheritdoc />
    public void OnMessage(in WebSocketMessage message)
    {
        if (message.Type == WebSocketMessageType.Text)
            _recorder.TryRecord(message.Payload, message.ReceiveTimestamp);
        _inner.OnMessage(message);
    }
}
