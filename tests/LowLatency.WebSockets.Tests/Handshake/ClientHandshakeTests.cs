using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Handshake;

public sealed class ClientHandshakeTests
{
    [Theory]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(307, "Temporary Redirect")]
    [InlineData(308, "Permanent Redirect")]
    public async Task Client_refuses_redirects_with_a_clear_error(int status, string reason)
    {
        using var server = new RawFrameServer();
        Task<string> answer = server.AcceptAndAnswerAsync($"HTTP/1.1 {status} {reason}\r\nLocation: wss://elsewhere.example/ws\r\nContent-Length: 0\r\n\r\n");

        var error = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => WebSocketClient.ConnectAsync(server.Url));
        await answer;

        Assert.Equal(status, error.StatusCode);
        Assert.Contains("redirects are refused", error.Message);
        Assert.Contains("wss://elsewhere.example/ws", error.Message);
    }

    [Fact]
    public async Task Client_reports_a_refused_upgrade_with_its_status()
    {
        using var server = new RawFrameServer();
        Task<string> answer = server.AcceptAndAnswerAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");

        var error = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => WebSocketClient.ConnectAsync(server.Url));
        await answer;

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("403 Forbidden", error.Message);
    }

    [Fact]
    public async Task Client_rejects_a_wrong_Sec_WebSocket_Accept()
    {
        using var server = new RawFrameServer();
        Task<string> answer = server.AcceptAndAnswerAsync(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

        var error = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => WebSocketClient.ConnectAsync(server.Url));
        await answer;

        Assert.Contains("Sec-WebSocket-Accept", error.Message);
    }

    [Fact]
    public async Task Client_sends_a_fresh_random_key_and_the_extra_headers()
    {
        using var server = new RawFrameServer();
        var keys = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            Task<string> answer = server.AcceptAndAnswerAsync("HTTP/1.1 500 Nope\r\nContent-Length: 0\r\n\r\n");
            var options = new WebSocketClientOptions { RequestHeaders = [new("X-MBX-APIKEY", "abc123"), new("Origin", "https://example.org")] };
            await Assert.ThrowsAsync<WebSocketHandshakeException>(() => WebSocketClient.ConnectAsync(new Uri(server.Url, "/stream?streams=btcusdt@trade"), options));
            string request = await answer;
            Assert.StartsWith("GET /stream?streams=btcusdt@trade HTTP/1.1\r\n", request);
            Assert.Contains("X-MBX-APIKEY: abc123\r\n", request);
            Assert.Contains("Origin: https://example.org\r\n", request);
            keys.Add(request.Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.Ordinal)));
        }

        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task Client_times_out_when_the_server_never_answers_the_upgrade()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"ws://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/");

        await Assert.ThrowsAsync<TimeoutException>(() => WebSocketClient.ConnectAsync(url, new WebSocketClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(200) }));
    }
}
