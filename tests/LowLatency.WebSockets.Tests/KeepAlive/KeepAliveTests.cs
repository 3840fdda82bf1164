using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.KeepAlive;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.KeepAlive;

public sealed class KeepAliveTests
{
    [Fact]
    public async Task Client_sends_protocol_pings_at_the_interval()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync([]);
        var options = new WebSocketClientOptions { KeepAlive = new KeepAliveOptions { PingInterval = TimeSpan.FromMilliseconds(30), PongTimeout = TimeSpan.FromSeconds(30) } };
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, options);
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        (int first, _) = await raw.ReadFrameAsync();
        await raw.WriteAsync([0x8A, 0x00]);
        (int second, _) = await raw.ReadFrameAsync();

        Assert.Equal((int)WebSocketOpcode.Ping, first);
        Assert.Equal((int)WebSocketOpcode.Ping, second);
    }

    [Fact]
    public async Task Client_declares_the_connection_dead_when_no_pong_comes_back()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync([]);
        var options = new WebSocketClientOptions { KeepAlive = new KeepAliveOptions { PingInterval = TimeSpan.FromMilliseconds(20), PongTimeout = TimeSpan.FromMilliseconds(100) } };
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, options);
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        WebSocketCloseInfo closed = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseCode.AbnormalClosure, closed.Code);
        Assert.Contains("no pong", closed.Reason);
    }

    [Fact]
    public async Task Data_watchdog_declares_a_silent_connection_dead()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync([]);
        var options = new WebSocketClientOptions { KeepAlive = new KeepAliveOptions { DataTimeout = TimeSpan.FromMilliseconds(100) } };
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, options);
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        WebSocketCloseInfo closed = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseCode.AbnormalClosure, closed.Code);
        Assert.Contains("no data received", closed.Reason);
    }

    [Fact]
    public async Task A_text_heartbeat_resets_the_data_watchdog()
    {
        await using var setup = await WatchedConnection.StartAsync();
        long before = setup.Connection.LastReceiveTimestamp;

        await setup.Raw.WriteAsync([0x81, 0x02, (byte)'h', (byte)'b']);
        Assert.Equal("hb", (await setup.Messages.NextAsync()).Text);

        Assert.True(setup.Connection.LastReceiveTimestamp > before);
    }

    [Fact]
    public async Task A_protocol_ping_resets_the_data_watchdog()
    {
        await using var setup = await WatchedConnection.StartAsync();
        long before = setup.Connection.LastReceiveTimestamp;

        await setup.Raw.WriteAsync([0x89, 0x00]);
        (int opcode, _) = await setup.Raw.ReadFrameAsync();

        Assert.Equal((int)WebSocketOpcode.Pong, opcode);
        Assert.True(setup.Connection.LastReceiveTimestamp > before);
    }

    [Fact]
    public async Task Application_ping_hook_sends_the_exchange_ping()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync([]);
        var keepAlive = new KeepAliveOptions
        {
            ApplicationPingInterval = TimeSpan.FromMilliseconds(30),
            ApplicationPing = (connection, ct) => connection.SendTextAsync("{\"op\":\"ping\"}", ct),
        };
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, new WebSocketClientOptions { KeepAlive = keepAlive });
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        (int opcode, byte[] payload) = await raw.ReadFrameAsync();

        Assert.Equal((int)WebSocketOpcode.Text, opcode);
        Assert.Equal("{\"op\":\"ping\"}", System.Text.Encoding.UTF8.GetString(payload));
    }

    /// <summary>A client with a long data watchdog connected to a raw server.</summary>
    private sealed record WatchedConnection(RawFrameServer Server, RawClientSession Raw, WebSocketConnection Connection, RecordingHandler Messages) : IAsyncDisposable
    {
        public static async Task<WatchedConnection> StartAsync()
        {
            var server = new RawFrameServer();
            Task<RawClientSession> session = server.AcceptAndSendAsync([]);
            var options = new WebSocketClientOptions { KeepAlive = new KeepAliveOptions { DataTimeout = TimeSpan.FromMinutes(5) } };
            WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, options);
            var messages = new RecordingHandler();
            connection.StartReceiving(messages);
            return new WatchedConnection(server, await session, connection, messages);
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            Raw.Dispose();
            Server.Dispose();
        }
    }
}
