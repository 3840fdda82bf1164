using System.Diagnostics;
using System.Net.Sockets;
using LowLatency.Engine.Logging;
using LowLatency.Engine.Publishing;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Reconnect;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Connections;

/// <summary>
/// The pool's connection of one venue: keeps a WebSocket up (reconnecting with backoff and
/// jitter), subscribes every live topic on each new connection, sends subscribe and unsubscribe
/// messages as topics come and go, and signals a gap for its instruments whenever a connection is
/// lost, so their books resynchronise.
/// </summary>
/// <remarks>
/// Topics are reference-counted by the pool; this class only sees the first subscriber of a topic
/// (subscribe on the wire) and the last one leaving it (unsubscribe on the wire). Wire operations
/// are serialised by one async gate, so a topic added while a reconnect resubscribes is sent
/// exactly once.
/// </remarks>
internal sealed class FeedConnection : IAsyncDisposable
{
    private readonly IConnectHook _hook;
    private readonly ReconnectPolicy _policy;
    private readonly EventPublisher _control;
    private readonly ILogger _logger;
    private readonly Action<FeedConnection> _onSubscribed;
    private readonly SemaphoreSlim _wire = new(1, 1);
    private readonly Lock _topicsLock = new();
    private readonly Dictionary<Topic, byte> _topics = [];
    private readonly CancellationTokenSource _stop = new();
    private WebSocketConnection? _live;
    private Task _run = Task.CompletedTask;
    private int _state;
    private string? _error;
    private long _reconnects;
    private long _requestId;

    public FeedConnection(ExchangeVenue venue, IConnectHook hook, ReconnectPolicy policy, ConnectionReader reader, EventPublisher control,
        ILogger logger, Action<FeedConnection> onSubscribed)
    {
        Venue = venue;
        Reader = reader;
        _hook = hook;
        _policy = policy;
        _control = control;
        _logger = logger;
        _onSubscribed = onSubscribed;
    }

    /// <summary>The venue.</summary>
    public ExchangeVenue Venue { get; }

    /// <summary>The pool key, <c>{exchange}_{market}</c>.</summary>
    public string Key => Venue.Key;

    /// <summary>The reader (parser, buffers, counters) shared by all of this entry's connections.</summary>
    public ConnectionReader Reader { get; }

    /// <summary>Its state.</summary>
    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    /// <summary>The reason of the last loss or failed attempt.</summary>
    public string? Error => Volatile.Read(ref _error);

    /// <summary>Connections made after the first.</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Live topics, in no particular order.</summary>
    public IReadOnlyList<Topic> Topics
    {
        get
        {
            lock (_topicsLock)
                return [.. _topics.Keys];
        }
    }

    /// <summary>Number of live topics.</summary>
    public int TopicCount
    {
        get
        {
            lock (_topicsLock)
                return _topics.Count;
        }
    }

    /// <summary>Starts the connect loop.</summary>
    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Validates a topic by building its messages (an unsupported channel or depth throws here, before anything changes).</summary>
    /// <exception cref="NotSupportedException">The venue does not serve it.</exception>
    public static void Validate(ExchangeVenue venue, Topic topic)
    {
        var request = Request(venue, topic, 0);
        venue.Definition.Subscriptions.BuildSubscribeMessages(request);
        venue.Definition.Subscriptions.BuildUnsubscribeMessages(request);
    }

    /// <summary>Adds topics (their first subscriber arrived) and subscribes them on the live connection, if any, in as few messages as the venue allows.</summary>
    public async Task AddAsync(IReadOnlyList<Topic> topics, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
            Validate(Venue, topic);
        await _wire.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<Topic> added = [];
            lock (_topicsLock)
            {
                foreach (var topic in topics)
                {
                    if (_topics.TryAdd(topic, 0))
                        added.Add(topic);
                }
            }
            if (added.Count > 0 && _live is { } socket)
                await TrySendAsync(socket, Messages(added, subscribe: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _wire.Release();
        }
    }

    /// <summary>Removes topics (their last subscriber left) and unsubscribes them on the live connection, if any.</summary>
    public async Task RemoveAsync(IReadOnlyList<Topic> topics, CancellationToken cancellationToken)
    {
        await _wire.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<Topic> removed = [];
            lock (_topicsLock)
            {
                foreach (var topic in topics)
                {
                    if (_topics.Remove(topic))
                        removed.Add(topic);
                }
            }
            if (removed.Count > 0 && _live is { } socket)
                await TrySendAsync(socket, Messages(removed, subscribe: false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _wire.Release();
        }
    }

    /// <summary>
    /// Unsubscribes and subscribes the book topic of <paramref name="instrumentId"/> again, so a
    /// venue whose book snapshots come from the stream sends a fresh one.
    /// </summary>
    public async Task ResubscribeBookAsync(int instrumentId, CancellationToken cancellationToken)
    {
        await _wire.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Topic? book = null;
            lock (_topicsLock)
            {
                foreach (var topic in _topics.Keys)
                {
                    if (topic.InstrumentId == instrumentId && topic.Channel == MarketChannels.Book)
                        book = topic;
                }
            }
            if (book is not { } found || _live is not { } socket)
                return;
            if (await TrySendAsync(socket, Messages([found], subscribe: false), cancellationToken).ConfigureAwait(false))
                await TrySendAsync(socket, Messages([found], subscribe: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _wire.Release();
        }
    }

    /// <summary>True when the connection is up and its topics are subscribed.</summary>
    public bool IsLive => Volatile.Read(ref _live) is not null;

    /// <summary>Closes the connection (1000) and stops reconnecting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _stop.Dispose();
        _wire.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        int connections = 0;
        while (!stop.IsCancellationRequested)
        {
            WebSocketConnection socket;
            ConnectPlan plan;
            try
            {
                plan = await _hook.PrepareAsync(stop).ConfigureAwait(false);
                EngineLog.Connecting(_logger, Key, plan.Uri);
                socket = await WebSocketClient.ConnectAsync(plan.Uri, new WebSocketClientOptions { KeepAlive = plan.KeepAlive }, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _error, "connect failed: " + ex.Message);
                Volatile.Write(ref _state, (int)(connections == 0 ? ConnectionState.Connecting : ConnectionState.Reconnecting));
                await WaitBeforeRetryAsync("connect failed: " + ex.Message, stop).ConfigureAwait(false);
                continue;
            }

            connections++;
            if (connections > 1)
                Interlocked.Increment(ref _reconnects);
            long started = Stopwatch.GetTimestamp();
            socket.StartReceiving(Reader);
            var closed = await ServeAsync(socket, connections, stop).ConfigureAwait(false);
            await socket.DisposeAsync().ConfigureAwait(false);
            if (closed is null)
                break;
            Volatile.Write(ref _error, closed);
            Volatile.Write(ref _state, (int)ConnectionState.Reconnecting);
            SignalGap();
            _policy.OnConnectionEnded(Stopwatch.GetElapsedTime(started));
            await WaitBeforeRetryAsync(closed, stop).ConfigureAwait(false);
        }
        Volatile.Write(ref _state, (int)ConnectionState.Closed);
        EngineLog.Closed(_logger, Key);
    }

    /// <summary>Subscribes everything and waits for the connection to end; returns why, or null when stopping.</summary>
    private async Task<string?> ServeAsync(WebSocketConnection socket, int number, CancellationToken stop)
    {
        try
        {
            await SubscribeAllAsync(socket, number, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await CloseAsync(socket).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            socket.Abort("subscribing failed: " + ex.Message);
        }

        WebSocketCloseInfo closed;
        try
        {
            closed = await socket.Completion.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await CloseAsync(socket).ConfigureAwait(false);
            return null;
        }
        await ClearLiveAsync().ConfigureAwait(false);
        return $"closed {(int)closed.Code}: {closed.Reason}";
    }

    private async Task SubscribeAllAsync(WebSocketConnection socket, int number, CancellationToken stop)
    {
        await _wire.WaitAsync(stop).ConfigureAwait(false);
        int count;
        try
        {
            var topics = Topics;
            count = topics.Count;
            if (count > 0)
                await SendAsync(socket, Messages(topics, subscribe: true), stop).ConfigureAwait(false);
            Volatile.Write(ref _live, socket);
            Volatile.Write(ref _state, (int)ConnectionState.Connected);
        }
        finally
        {
            _wire.Release();
        }
        EngineLog.Connected(_logger, Key, number, count);
        _onSubscribed(this);
    }

    private async Task CloseAsync(WebSocketConnection socket)
    {
        await ClearLiveAsync().ConfigureAwait(false);
        await socket.CloseAsync(WebSocketCloseCode.NormalClosure, "unsubscribed", CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ClearLiveAsync()
    {
        await _wire.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _live, null);
        _wire.Release();
    }

    /// <summary>Tells the consumers that this connection's instruments may have missed data.</summary>
    private void SignalGap()
    {
        var seen = new HashSet<int>();
        long now = Stopwatch.GetTimestamp();
        foreach (var topic in Topics)
        {
            if (seen.Add(topic.InstrumentId))
                _control.PublishControl(new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = topic.InstrumentId, ReceiveTimestamp = now });
        }
    }

    private async Task WaitBeforeRetryAsync(string reason, CancellationToken stop)
    {
        var delay = _policy.NextDelay();
        EngineLog.Lost(_logger, Key, reason, delay);
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the run.
        }
    }

    private static async Task SendAsync(WebSocketConnection socket, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
            await socket.SendTextAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends on a connection that may just have died; false when it did (the reconnect resubscribes every live topic).</summary>
    private static async Task<bool> TrySendAsync(WebSocketConnection socket, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(socket, messages, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The messages that (un)subscribe <paramref name="topics"/>: one request per group of symbols
    /// wanting the same channels (and candle timeframe), so a venue that takes many streams per
    /// message (Binance, Bybit) gets them in one, and its stream starts with all of them.
    /// </summary>
    private List<string> Messages(IReadOnlyCollection<Topic> topics, bool subscribe)
    {
        var messages = new List<string>();
        var groups = topics
            .GroupBy(t => (t.Symbol, t.CandleIntervalSeconds))
            .Select(g => (g.Key.Symbol, g.Key.CandleIntervalSeconds, Channels: g.Aggregate(MarketChannels.None, (all, t) => all | t.Channel)))
            .GroupBy(g => (g.Channels, g.CandleIntervalSeconds));
        foreach (var group in groups)
        {
            var request = new SubscriptionRequest(
                [.. group.Select(g => g.Symbol).Order(StringComparer.Ordinal)],
                group.Key.Channels,
                Venue.Options.BookDepth,
                group.Key.CandleIntervalSeconds == 0 ? 60 : group.Key.CandleIntervalSeconds,
                Interlocked.Increment(ref _requestId));
            messages.AddRange(subscribe
                ? Venue.Definition.Subscriptions.BuildSubscribeMessages(request)
                : Venue.Definition.Subscriptions.BuildUnsubscribeMessages(request));
        }
        return messages;
    }

    private static SubscriptionRequest Request(ExchangeVenue venue, Topic topic, long requestId) => new(
        [topic.Symbol],
        topic.Channel,
        venue.Options.BookDepth,
        topic.CandleIntervalSeconds == 0 ? 60 : topic.CandleIntervalSeconds,
        requestId);
}
