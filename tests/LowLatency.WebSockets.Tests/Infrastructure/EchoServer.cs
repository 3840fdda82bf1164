using System.Buffers;
using System.Threading.Channels;
using LowLatency.WebSockets.Server;

namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>Our listener as an echo server: every message comes back with the same type.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly WebSocketListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly WebSocketAcceptOptions _acceptOptions;

    public EchoServer(WebSocketListenerOptions? listenerOptions = null, WebSocketAcceptOptions? acceptOptions = null)
    {
        _listener = new WebSocketListener(listenerOptions);
        _acceptOptions = acceptOptions ?? new WebSocketAcceptOptions();
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri Url => _listener.Url;

    public List<WebSocketCloseInfo> Closed { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _listener.DisposeAsync();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            WebSocketServerRequest request = await _listener.AcceptAsync(_stop.Token);
            _ = ServeAsync(request);
        }
    }

    private async Task ServeAsync(WebSocketServerRequest request)
    {
        WebSocketConnection connection = await request.AcceptWebSocketAsync(_acceptOptions);
        var echo = new EchoHandler();
        connection.StartReceiving(echo);
        Task pump = PumpAsync(connection, echo.Messages.Reader);
        WebSocketCloseInfo closed = await connection.Completion;
        lock (Closed)
            Closed.Add(closed);
        echo.Messages.Writer.TryComplete();
        try
        {
            await pump;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task PumpAsync(WebSocketConnection connection, ChannelReader<(WebSocketMessageType, byte[])> messages)
    {
        await foreach ((WebSocketMessageType type, byte[] payload) in messages.ReadAllAsync())
            await connection.SendAsync(payload, type);
    }

    private sealed class EchoHandler : IWebSocketMessageHandler
    {
        public Channel<(WebSocketMessageType, byte[])> Messages { get; } = Channel.CreateUnbounded<(WebSocketMessageType, byte[])>();

        public void OnMessage(in WebSocketMessage message) => Messages.Writer.TryWrite((message.Type, message.Payload.ToArray()));
    }
}
