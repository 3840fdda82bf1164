using System.Text;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Peers;

/// <summary>Our client connected to a scripted peer server, with the commands of tests/peers.</summary>
public sealed class ScriptedPeer : IAsyncDisposable
{
    private ScriptedPeer(WebSocketConnection connection, RecordingHandler messages)
    {
        Connection = connection;
        Messages = messages;
    }

    public WebSocketConnection Connection { get; }

    public RecordingHandler Messages { get; }

    public static async Task<ScriptedPeer> ConnectAsync(Uri url, bool deflate = false)
    {
        var options = new WebSocketClientOptions { PerMessageDeflate = deflate ? new PerMessageDeflateOptions() : null };
        WebSocketConnection connection = await WebSocketClient.ConnectAsync(url, options);
        var messages = new RecordingHandler();
        connection.StartReceiving(messages);
        return new ScriptedPeer(connection, messages);
    }

    /// <summary>Asks the peer to send <paramref name="payload"/> back in <paramref name="fragments"/> frames.</summary>
    public async Task<ReceivedMessage> EchoAsync(byte[] payload, WebSocketMessageType type, int fragments = 1, bool pings = false, bool compress = false)
    {
        await Connection.SendTextAsync($$"""{"cmd":"echo","fragments":{{fragments}},"ping":{{(pings ? "true" : "false")}},"compress":{{(compress ? "true" : "false")}}}""");
        await Connection.SendAsync(payload, type);
        return await Messages.NextAsync();
    }

    public Task SendCommandAsync(string json) => Connection.SendTextAsync(json).AsTask();

    public static byte[] Pattern(int size, int seed)
    {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
            bytes[i] = (byte)((i * 31) + seed);
        return bytes;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
