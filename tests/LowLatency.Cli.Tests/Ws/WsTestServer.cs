using System.Buffers;
using System.Threading.Channels;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Server;

namespace LowLatency.Cli.Tests.Ws;

/// <summary>
/// A tiny server on our listener for the CLI tests: echoes text, answers "bin" with 3 bytes,
/// "close" with a 1000 close and "fail" with a 1011 close; "silent" makes it say nothing.
/// </summary>
public sealed class WsTestServer : IAsyncDisposable
{
    private readonly WebSocketListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WsTestServer(WebSocketListenerOptions? options = null, bool deflate = false)
    {
        _listener = new WebSocketListener(options);
        _loop = ServeAsync(deflate);
    }

    public Uri Url => _listener.Url;

    public bool? LastNegotiatedDeflate { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _listener.DisposeAsync();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
        }
    }

    private async Task ServeAsync(bool deflate)
    {
        while (true)
        {
            WebSocketServerRequest request = await _listener.AcceptAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                await using WebSocketConnection connection = await request.AcceptWebSocketAsync(new WebSocketAcceptOptions { EnablePerMessageDeflate = deflate });
                LastNegotiatedDeflate = connection.PerMessageDeflate is not null;
                var inbox = new Inbox();
                connection.StartReceiving(inbox);
                _ = connection.Completion.ContinueWith(_ => inbox.Texts.Writer.TryComplete(), TaskScheduler.Default);
                await foreach (string text in inbox.Texts.Reader.ReadAllAsync())
                {
                    switch (text)
                    {
                        case "bin": await connection.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary); break;
                        case "close": await connection.CloseAsync(WebSocketCloseCode.NormalClosure, "bye"); break;
                        case "fail": await connection.CloseAsync(WebSocketCloseCode.InternalServerError, "boom"); break;
                        case "silent": break;
                        default: await connection.SendTextAsync("echo: " + text); break;
                    }
                }
                await connection.Completion;
            });
        }
    }

    private sealed class Inbox : IWebSocketMessageHandler
    {
        public Channel<string> Texts { get; } = Channel.CreateUnbounded<string>();

        public void OnMessage(in WebSocketMessage message) => Texts.Writer.TryWrite(System.Text.Encoding.UTF8.GetString(message.Payload.ToArray()));
    }
}
