using System.Buffers;
using System.Threading.Channels;

namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>Copies every message into a channel the test reads with a timeout.</summary>
public sealed class RecordingHandler : IWebSocketMessageHandler
{
    private readonly Channel<ReceivedMessage> _messages = Channel.CreateUnbounded<ReceivedMessage>();

    public void OnMessage(in WebSocketMessage message) =>
        _messages.Writer.TryWrite(new ReceivedMessage(message.Type, message.Payload.ToArray(), message.ReceiveTimestamp, message.Payload.IsSingleSegment));

    public async Task<ReceivedMessage> NextAsync(double timeoutSeconds = 20)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message within {timeoutSeconds} s.");
        }
    }

    public bool TryTake(out ReceivedMessage? message) => _messages.Reader.TryRead(out message);
}
