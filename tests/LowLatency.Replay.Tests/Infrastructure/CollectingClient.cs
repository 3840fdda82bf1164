using System.Buffers;
using System.Text;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>Our WebSocket client, keeping a copy of every message, for tests that inspect what a replayer sent.</summary>
public sealed class CollectingClient : IAsyncDisposable
{
    private readonly List<ReceivedMessage> _messages = [];
    private readonly WebSocketConnection _connection;
    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);

    private CollectingClient(WebSocketConnection connection) => _connection = connection;

    public WebSocketConnection Connection => _connection;

    public Task<WebSocketCloseInfo> Completion => _connection.Completion;

    public static async Task<CollectingClient> ConnectAsync(Uri url)
    {
        var connection = await WebSocketClient.ConnectAsync(url, new WebSocketClientOptions());
        var client = new CollectingClient(connection);
        connection.StartReceiving(new Handler(client));
        return client;
    }

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_messages)
                return _messages.ToArray();
        }
    }

    public ValueTask SendAsync(string text) => _connection.SendTextAsync(text);

    /// <summary>Waits for the connection to end (the replayer closes at the end of the recording); fails after <paramref name="timeout"/>.</summary>
    public async Task<WebSocketCloseInfo> WaitClosedAsync(TimeSpan timeout) => await _connection.Completion.WaitAsync(timeout);

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_messages)
            {
                if (_messages.Count >= count)
                    return _messages.ToArray();
            }
            if (_connection.Completion.IsCompleted && _arrived.CurrentCount == 0)
                throw new InvalidOperationException($"The connection ended after {Messages.Count} messages; expected {count}. {_connection.Completion.Result}");
            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Received {Messages.Count} messages in {timeout}; expected {count}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }

    private void Add(in WebSocketMessage message)
    {
        lock (_messages)
            _messages.Add(new ReceivedMessage(message.Payload.ToArray(), message.ReceiveTimestamp));
        _arrived.Release();
    }

    private sealed class Handler(CollectingClient client) : IWebSocketMessageHandler
    {
        public void OnMessage(in WebSocketMessage message) => client.Add(message);
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
