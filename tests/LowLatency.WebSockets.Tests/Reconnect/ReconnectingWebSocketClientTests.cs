using System.Collections.Concurrent;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Reconnect;
using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Reconnect;

public sealed class ReconnectingWebSocketClientTests
{
    [Fact]
    public async Task Client_reconnects_after_losses_and_calls_the_resubscribe_hook_each_time()
    {
        await using var listener = new WebSocketListener();
        var subscriptions = new ConcurrentQueue<string>();
        Task server = ServeAsync(listener, subscriptions);
        var events = new ConcurrentQueue<string>();
        var policy = new ReconnectPolicy(new Random(1)) { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
        int hookCalls = 0;
        var client = new ReconnectingWebSocketClient(listener.Url, new WebSocketClientOptions(), policy, async (connection, ct) =>
        {
            int n = Interlocked.Increment(ref hookCalls);
            await connection.SendTextAsync($"subscribe #{n}", ct);
        });
        client.Connected += (_, e) => events.Enqueue($"connected {e.ConnectionNumber}");
        client.Reconnected += (_, e) => events.Enqueue($"reconnected {e.ConnectionNumber}");
        client.Disconnected += (_, e) => events.Enqueue($"disconnected {(int?)e.Close?.Code}");
        var messages = new RecordingHandler();
        using var stop = new CancellationTokenSource();

        Task run = client.RunAsync(messages, stop.Token);
        ReceivedMessage data = await messages.NextAsync();
        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        await server.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("data after subscribe #3", data.Text);
        Assert.Equal(["subscribe #1", "subscribe #2", "subscribe #3"], subscriptions.ToArray());
        Assert.Equal(["connected 1", "disconnected 1001", "reconnected 2", "disconnected 1006", "reconnected 3"], events.ToArray());
        Assert.Null(client.Current);
    }

    [Fact]
    public async Task Client_retries_when_the_server_is_not_there_yet()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        int free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var failures = 0;
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) };
        var client = new ReconnectingWebSocketClient(new Uri($"ws://127.0.0.1:{free}/"), new WebSocketClientOptions(), policy);
        using var stop = new CancellationTokenSource();
        client.Disconnected += (_, e) =>
        {
            Assert.Null(e.Close);
            Assert.StartsWith("connect failed", e.Reason);
            if (Interlocked.Increment(ref failures) == 3)
                stop.Cancel();
        };

        await client.RunAsync(new RecordingHandler(), stop.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(failures >= 3);
        Assert.True(policy.Attempt >= 3);
    }

    /// <summary>First connection: closed with 1001. Second: dropped without a close frame. Third: served.</summary>
    private static async Task ServeAsync(WebSocketListener listener, ConcurrentQueue<string> subscriptions)
    {
        for (int n = 1; n <= 3; n++)
        {
            WebSocketServerRequest request = await listener.AcceptAsync();
            WebSocketConnection connection = await request.AcceptWebSocketAsync();
            var received = new RecordingHandler();
            connection.StartReceiving(received);
            string subscription = (await received.NextAsync()).Text;
            subscriptions.Enqueue(subscription);
            if (n == 1)
                await connection.CloseAsync(WebSocketCloseCode.GoingAway, "maintenance");
            else if (n == 2)
                connection.Abort("simulated network loss");
            else
            {
                await connection.SendTextAsync("data after " + subscription);
                await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));
            }
            await connection.DisposeAsync();
        }
    }
}
