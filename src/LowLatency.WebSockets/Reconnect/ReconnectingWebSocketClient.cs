using System.Diagnostics;
using LowLatency.WebSockets.Client;

namespace LowLatency.WebSockets.Reconnect;

/// <summary>
/// Keeps one client connection up: connects, calls the adapter's resubscribe hook, and after any
/// loss reconnects following a <see cref="ReconnectPolicy"/>.
/// </summary>
/// <remarks>
/// The client never resubscribes by itself: what to subscribe (and how to resynchronise books,
/// emit gaps, refresh tokens) belongs to the exchange adapter, which does it in the hook. Events
/// are raised on the client's loop (a thread-pool thread); keep handlers short.
/// </remarks>
public sealed class ReconnectingWebSocketClient
{
    private readonly Uri _uri;
    private readonly WebSocketClientOptions _options;
    private readonly ReconnectPolicy _policy;
    private readonly Func<WebSocketConnection, CancellationToken, ValueTask>? _resubscribe;
    private WebSocketConnection? _current;

    /// <summary>Creates the client; nothing connects until <see cref="RunAsync{THandler}"/>.</summary>
    /// <param name="uri">The ws:// or wss:// URL.</param>
    /// <param name="options">Connection options, used for every attempt.</param>
    /// <param name="policy">Backoff between attempts.</param>
    /// <param name="resubscribe">Called on every new connection, after receiving started and before <see cref="Connected"/>/<see cref="Reconnected"/>.</param>
    public ReconnectingWebSocketClient(Uri uri, WebSocketClientOptions options, ReconnectPolicy policy,
        Func<WebSocketConnection, CancellationToken, ValueTask>? resubscribe = null)
    {
        _uri = uri;
        _options = options;
        _policy = policy;
        _resubscribe = resubscribe;
    }

    /// <summary>The first connection is up.</summary>
    public event EventHandler<WebSocketConnectedEventArgs>? Connected;

    /// <summary>A later connection is up, after a loss.</summary>
    public event EventHandler<WebSocketConnectedEventArgs>? Reconnected;

    /// <summary>A connection ended or an attempt failed; a retry follows.</summary>
    public event EventHandler<WebSocketDisconnectedEventArgs>? Disconnected;

    /// <summary>The live connection, or null between connections.</summary>
    public WebSocketConnection? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Connects and reconnects until <paramref name="cancellationToken"/> is cancelled, then closes
    /// the live connection with 1000. Every connection delivers to <paramref name="handler"/>.
    /// </summary>
    public async Task RunAsync<THandler>(THandler handler, CancellationToken cancellationToken) where THandler : IWebSocketMessageHandler
    {
        int connections = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            WebSocketConnection connection;
            try
            {
                connection = await WebSocketClient.ConnectAsync(_uri, _options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await WaitAfterLossAsync("connect failed: " + ex.Message, null, ex, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            long started = Stopwatch.GetTimestamp();
            connections++;
            Volatile.Write(ref _current, connection);
            connection.StartReceiving(handler);
            if (await TryResubscribeAsync(connection, cancellationToken).ConfigureAwait(false))
                (connections == 1 ? Connected : Reconnected)?.Invoke(this, new WebSocketConnectedEventArgs(connection, connections));

            WebSocketCloseInfo closed;
            try
            {
                closed = await connection.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await connection.CloseAsync(WebSocketCloseCode.NormalClosure, "client stopping", CancellationToken.None).ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                Volatile.Write(ref _current, null);
                return;
            }
            Volatile.Write(ref _current, null);
            await connection.DisposeAsync().ConfigureAwait(false);
            _policy.OnConnectionEnded(Stopwatch.GetElapsedTime(started));
            await WaitAfterLossAsync($"closed {(int)closed.Code}: {closed.Reason}", closed, closed.Error, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryResubscribeAsync(WebSocketConnection connection, CancellationToken cancellationToken)
    {
        if (_resubscribe is null)
            return true;
        try
        {
            await _resubscribe(connection, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A connection without its subscriptions is useless: drop it and let the loop retry.
            connection.Abort("resubscribe failed: " + ex.Message);
            return false;
        }
    }

    private async Task WaitAfterLossAsync(string reason, WebSocketCloseInfo? closed, Exception? error, CancellationToken cancellationToken)
    {
        TimeSpan delay = _policy.NextDelay();
        Disconnected?.Invoke(this, new WebSocketDisconnectedEventArgs(reason, closed, error, delay));
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the run.
        }
    }
}
