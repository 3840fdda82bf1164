using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Peers;

/// <summary>
/// The other direction: the npm <c>ws</c> client and Python <c>websockets</c> client against our
/// server side (an echo server on <see cref="WebSocketListener"/>). The peer scripts check every
/// echoed byte, the masking we must undo, fragmentation, pings and the close handshake.
/// </summary>
public sealed class PeerClientTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Node_ws_client_gets_every_message_echoed_by_our_server(bool deflate)
    {
        await using var server = new EchoServer(acceptOptions: new WebSocketAcceptOptions { EnablePerMessageDeflate = deflate });
        using var client = PeerProcess.StartNode("ws-client.js", server.Url.ToString(), deflate ? "--deflate" : "--plain");

        int exit = await client.WaitExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"node client exited {exit}: {client.Stdout} {client.Stderr}");
        Assert.True(client.Stdout.StartsWith("OK 11 close 1000", StringComparison.Ordinal),
            $"node client: {client.Stdout} {client.Stderr} server saw: {string.Join("; ", server.Closed)}");
        await AssertServerSawCleanCloseAsync(server);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Python_websockets_client_gets_every_message_echoed_by_our_server(bool deflate)
    {
        await using var server = new EchoServer(acceptOptions: new WebSocketAcceptOptions { EnablePerMessageDeflate = deflate });
        using var client = PeerProcess.StartPython("ws_client.py", server.Url.ToString(), deflate ? "--deflate" : "--plain");

        int exit = await client.WaitExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"python client exited {exit}: {client.Stdout} {client.Stderr}");
        Assert.True(client.Stdout.StartsWith("OK 10 close 1000", StringComparison.Ordinal),
            $"python client: {client.Stdout} {client.Stderr} server saw: {string.Join("; ", server.Closed)}");
        await AssertServerSawCleanCloseAsync(server);
    }

    private static async Task AssertServerSawCleanCloseAsync(EchoServer server)
    {
        for (int i = 0; i < 200 && server.Closed.Count == 0; i++)
            await Task.Delay(10);
        WebSocketCloseInfo closed = Assert.Single(server.Closed);
        Assert.Equal(WebSocketCloseCode.NormalClosure, closed.Code);
        Assert.True(closed.ClosedByPeer);
        Assert.True(closed.IsClean, closed.Reason);
    }
}
