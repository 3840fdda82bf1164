using System.Text;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Compression;

public sealed class PreEncodedCompressedFrameTests
{
    [Fact]
    public async Task Pre_encoded_compressed_frames_are_received_exactly()
    {
        await using var pair = await ConnectAsync(new PerMessageDeflateOptions());

        for (int i = 0; i < 20; i++)
        {
            string text = Message(i);
            await pair.Server.SendRawAsync(FrameEncoder.EncodeCompressedServerFrame(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text));
            Assert.Equal(text, (await pair.Messages.NextAsync()).Text);
        }
    }

    [Fact]
    public async Task Pre_encoded_compressed_frames_mix_with_sends_when_the_server_keeps_no_context()
    {
        await using var pair = await ConnectAsync(new PerMessageDeflateOptions { ServerNoContextTakeover = true });
        Assert.True(pair.Server.PerMessageDeflate!.ServerNoContextTakeover);

        for (int i = 0; i < 20; i++)
        {
            string text = Message(i);
            if (i % 2 == 0)
                await pair.Server.SendRawAsync(FrameEncoder.EncodeCompressedServerFrame(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text));
            else
                await pair.Server.SendTextAsync(text);
            Assert.Equal(text, (await pair.Messages.NextAsync()).Text);
        }
    }

    private static string Message(int i) => $"{{\"book\":\"BTC/USD\",\"seq\":{i},\"bids\":[[\"60000.1\",\"0.5\"]]}}";

    private static async Task<Pair> ConnectAsync(PerMessageDeflateOptions offer)
    {
        var listener = new WebSocketListener();
        Task<WebSocketConnection> client = WebSocketClient.ConnectAsync(listener.Url, new WebSocketClientOptions { PerMessageDeflate = offer });
        WebSocketServerRequest request = await listener.AcceptAsync();
        WebSocketConnection server = await request.AcceptWebSocketAsync(new WebSocketAcceptOptions { EnablePerMessageDeflate = true });
        WebSocketConnection connection = await client;
        var messages = new RecordingHandler();
        connection.StartReceiving(messages);
        return new Pair(listener, server, connection, messages);
    }

    private sealed record Pair(WebSocketListener Listener, WebSocketConnection Server, WebSocketConnection Client, RecordingHandler Messages) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
            await Listener.DisposeAsync();
        }
    }
}
