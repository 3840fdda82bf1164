using System.Buffers;
using System.Threading.Channels;
using LowLatency.WebSockets;

namespace LowLatency.Cli.Commands.Ws;

/// <summary>Hands copies of received messages from the receive thread to the command, which prints them in order.</summary>
internal sealed class QueueingMessageHandler : IWebSocketMessageHandler
{
    public Channel<(WebSocketMessageType Type, byte[] Payload)> Messages { get; } =
        Channel.CreateUnbounded<(WebSocketMessageType, byte[])>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public void OnMessage(in WebSocketMessage message) => Messages.Writer.TryWrite((message.Type, message.Payload.ToArray()));
}
