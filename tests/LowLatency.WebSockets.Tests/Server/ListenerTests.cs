using System.Net;
using System.Net.Http;
using System.Text;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Server;

public sealed class ListenerTests
{
    [Fact]
    public async Task Listener_reports_the_port_the_os_chose()
    {
        await using var listener = new WebSocketListener(new WebSocketListenerOptions { Port = 0 });

        Assert.NotEqual(0, listener.Port);
        Assert.Equal($"ws://127.0.0.1:{listener.Port}/", listener.Url.ToString());
    }

    [Fact]
    public async Task Listener_exposes_the_request_before_the_application_decides()
    {
        await using var listener = new WebSocketListener();
        Task<WebSocketConnection> client = WebSocketClient.ConnectAsync(new Uri(listener.Url, "/ws/v2?book=10"),
            new WebSocketClientOptions { RequestHeaders = [new("X-Token", "t-1")] });

        await using WebSocketServerRequest request = await listener.AcceptAsync();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/ws/v2?book=10", request.Target);
        Assert.Equal("/ws/v2", request.Path);
        Assert.Equal("book=10", request.Query);
        Assert.Equal("t-1", request.GetHeader("x-token"));
        Assert.True(request.IsWebSocketUpgrade);
        await using WebSocketConnection server = await request.AcceptWebSocketAsync();
        await using WebSocketConnection connection = await client;
        Assert.Equal(WebSocketRole.Server, server.Role);
    }

    [Fact]
    public async Task Listener_answers_plain_http_on_the_same_port()
    {
        await using var listener = new WebSocketListener();
        using var http = new HttpClient();
        Task<HttpResponseMessage> response = http.PostAsync($"http://127.0.0.1:{listener.Port}/api/v3/order?symbol=BTCUSDT", new StringContent("{\"qty\":1}"));

        WebSocketServerRequest request = await listener.AcceptAsync();
        Assert.False(request.IsWebSocketUpgrade);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v3/order", request.Path);
        Assert.Equal("{\"qty\":1}", Encoding.UTF8.GetString(request.Body.Span));
        await request.RespondAsync(201, "Created", Encoding.UTF8.GetBytes("{\"orderId\":7}"), headers: [new("X-Stub", "replayer")]);

        HttpResponseMessage answer = await response;
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("{\"orderId\":7}", await answer.Content.ReadAsStringAsync());
        Assert.Equal("replayer", answer.Headers.GetValues("X-Stub").Single());
    }

    [Fact]
    public async Task Listener_refuses_an_upgrade_without_a_valid_key_with_400()
    {
        await using var listener = new WebSocketListener();
        using var raw = new System.Net.Sockets.TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, listener.Port);
        await raw.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n"u8.ToArray());

        WebSocketServerRequest request = await listener.AcceptAsync();
        var error = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => request.AcceptWebSocketAsync());
        string answer = await new StreamReader(raw.GetStream()).ReadToEndAsync();

        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("Sec-WebSocket-Key", answer);
    }

    [Fact]
    public async Task Listener_answers_426_to_an_unsupported_version()
    {
        await using var listener = new WebSocketListener();
        using var raw = new System.Net.Sockets.TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, listener.Port);
        await raw.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n"u8.ToArray());

        WebSocketServerRequest request = await listener.AcceptAsync();
        var error = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => request.AcceptWebSocketAsync());
        string answer = await new StreamReader(raw.GetStream()).ReadToEndAsync();

        Assert.Equal(426, error.StatusCode);
        Assert.Contains("Sec-WebSocket-Version: 13", answer);
    }

    [Fact]
    public async Task Server_fails_an_unmasked_client_frame_with_1002()
    {
        await using var listener = new WebSocketListener();
        using var raw = new System.Net.Sockets.TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, listener.Port);
        var stream = raw.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"u8.ToArray());
        await stream.WriteAsync(new byte[] { 0x81, 0x02, (byte)'h', (byte)'i' });

        WebSocketServerRequest request = await listener.AcceptAsync();
        await using WebSocketConnection server = await request.AcceptWebSocketAsync();
        server.StartReceiving(new RecordingHandler());
        WebSocketCloseInfo closed = await server.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        byte[] all = await ReadAllAsync(stream);

        Assert.Equal(WebSocketCloseCode.ProtocolError, Assert.IsType<WebSocketProtocolException>(closed.Error).CloseCode);
        Assert.Contains("unmasked", closed.Reason);
        int close = Array.IndexOf(all, (byte)0x88);
        Assert.True(close > 0, "the server sent no close frame");
        Assert.Equal(new byte[] { 0x03, 0xEA }, all[(close + 2)..(close + 4)]);
    }

    [Fact]
    public async Task Server_serves_pre_encoded_frames_batched_into_one_write()
    {
        await using var listener = new WebSocketListener();
        Task<WebSocketConnection> client = WebSocketClient.ConnectAsync(listener.Url);
        WebSocketServerRequest request = await listener.AcceptAsync();
        await using WebSocketConnection server = await request.AcceptWebSocketAsync();
        await using WebSocketConnection connection = await client;
        var messages = new RecordingHandler();
        connection.StartReceiving(messages);
        byte[][] encoded = Enumerable.Range(0, 1000).Select(i => FrameEncoder.EncodeServerFrame(Encoding.UTF8.GetBytes($"msg {i}"), WebSocketMessageType.Text)).ToArray();
        using var batch = new WebSocketFrameBatch();

        foreach (byte[] frame in encoded)
            batch.AppendEncoded(frame);
        batch.AppendMessage([1, 2, 3], WebSocketMessageType.Binary);
        Assert.Equal(1001, batch.Count);
        await batch.SendAsync(server);

        for (int i = 0; i < 1000; i++)
            Assert.Equal($"msg {i}", (await messages.NextAsync()).Text);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await messages.NextAsync()).Payload);
        Assert.Equal(0, batch.Length);
        Assert.Equal(1001, connection.MessagesReceived);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(buffer, cts.Token);
        return buffer.ToArray();
    }
}
