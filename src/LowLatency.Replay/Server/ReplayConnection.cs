using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Protocols;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Server;

namespace LowLatency.Replay.Server;

/// <summary>
/// One client of the replayer: plays the feed from its first subscription on its own timeline,
/// serving only the keys it subscribed, with its own faults.
/// </summary>
/// <remarks>
/// <para>One async send loop owns everything that goes out: session answers (queued by the
/// session on the receive thread, so they stay in order with the data), the recorded frames
/// chosen by the connection's <see cref="ReplayCursor"/>, and the faults that need the socket.
/// It gathers up to <see cref="ReplayerOptions.MaxBatchBytes"/> per socket write.</para>
/// <para>Paced replays send a message when it is due within 1 ms, so waits are never shorter
/// than the timer can honour.</para>
/// </remarks>
internal sealed class ReplayConnection : ISessionOutput
{
    private readonly ReplayerOptions _options;
    private readonly ReplayerCounters _counters;
    private readonly WebSocketConnection _socket;
    private readonly ExchangeSession _session;
    private readonly ReplayCursor _cursor;
    private readonly ConcurrentQueue<SessionAction> _actions = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly long _heartbeatTicks;
    private readonly byte[]? _heartbeatFrame;
    private readonly long _id;
    private long _batchSession;

    public ReplayConnection(RecordedFeed feed, ReplayerOptions options, ReplayerCounters counters, WebSocketConnection socket, ExchangeSession session, long id)
    {
        _id = id;
        _options = options;
        _counters = counters;
        _socket = socket;
        _session = session;
        _cursor = new ReplayCursor(feed, options, counters, session.Variant, toleranceTicks: Stopwatch.Frequency / 1000);
        if (session.HeartbeatInterval > TimeSpan.Zero && session.Heartbeat is { } heartbeat)
        {
            _heartbeatTicks = (long)(session.HeartbeatInterval.TotalSeconds * Stopwatch.Frequency);
            _heartbeatFrame = FrameEncoder.EncodeServerFrame(Encoding.UTF8.GetBytes(heartbeat), WebSocketMessageType.Text);
        }
    }

    /// <summary>Serves the client until it leaves, a fault ends the connection, the capture ends, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        _ = _socket.Completion.ContinueWith(static (_, state) => ((SemaphoreSlim)state!).Release(), _wake,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _session.OnOpen(this);
        _socket.StartReceiving(new ClientMessages(this));
        try
        {
            await SendLoopAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left (or the close handshake started) mid-send, or the replayer is stopping.
        }
        finally
        {
            await _socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    void ISessionOutput.Send(string text) =>
        _actions.Enqueue(new SessionAction(SessionActionKind.Send, FrameEncoder.EncodeServerFrame(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text), 0));

    void ISessionOutput.Subscribe(int keyId) => _actions.Enqueue(new SessionAction(SessionActionKind.Subscribe, null, keyId));

    void ISessionOutput.Unsubscribe(int keyId) => _actions.Enqueue(new SessionAction(SessionActionKind.Unsubscribe, null, keyId));

    void ISessionOutput.SetVariant(int variant) => _actions.Enqueue(new SessionAction(SessionActionKind.SetVariant, null, variant));

    private void OnClientMessage(in WebSocketMessage message)
    {
        var payload = message.Payload;
        if (payload.IsSingleSegment)
            _session.OnClientMessage(payload.FirstSpan, message.Type, this);
        else
            _session.OnClientMessage(BuffersExtensions.ToArray(payload), message.Type, this);
        _wake.Release();
    }

    private async Task SendLoopAsync(CancellationToken stopping)
    {
        using var batch = new WebSocketFrameBatch();
        var lastSend = Stopwatch.GetTimestamp();
        while (!_socket.Completion.IsCompleted)
        {
            stopping.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            ApplyActions(batch, now);
            ReplayFill? outcome = null;
            long due = long.MaxValue;
            var from = _cursor.Index;
            if (_cursor.Started)
                outcome = _cursor.Fill(batch, now, out due);
            var direct = _cursor.TakeDirectRun();
            if (direct.IsEmpty && batch.Length == 0 && _heartbeatFrame is not null && _cursor.Subscriptions > 0 && now - lastSend >= _heartbeatTicks)
            {
                batch.AppendEncoded(_heartbeatFrame);
                _batchSession++;
            }
            if (batch.Length > 0 || !direct.IsEmpty)
            {
                await SendAsync(batch, direct, from, stopping).ConfigureAwait(false);
                lastSend = Stopwatch.GetTimestamp();
            }
            switch (outcome)
            {
                case ReplayFill.BatchFull:
                    break;
                case ReplayFill.Fault:
                    if (!await ApplyPendingFaultAsync(stopping).ConfigureAwait(false))
                        return;
                    break;
                case ReplayFill.NotDue:
                    await WaitAsync(Math.Min(due, NextHeartbeat(lastSend)), stopping).ConfigureAwait(false);
                    break;
                case ReplayFill.End when _cursor.CanLoop:
                    _cursor.Rewind();
                    break;
                case ReplayFill.End when _options.AtEnd == ReplayEndBehavior.Close:
                    await _socket.CloseAsync(WebSocketCloseCode.NormalClosure, "end of recording", stopping).ConfigureAwait(false);
                    return;
                default:
                    await WaitAsync(NextHeartbeat(lastSend), stopping).ConfigureAwait(false);
                    break;
            }
        }
    }

    private void ApplyActions(WebSocketFrameBatch batch, long now)
    {
        while (_actions.TryDequeue(out var action))
        {
            switch (action.Kind)
            {
                case SessionActionKind.Send:
                    batch.AppendEncoded(action.Frame!);
                    _batchSession++;
                    break;
                case SessionActionKind.Subscribe:
                    _cursor.Subscribe(action.Value, now);
                    break;
                case SessionActionKind.Unsubscribe:
                    _cursor.Unsubscribe(action.Value);
                    break;
                default:
                    _cursor.Variant = action.Value;
                    break;
            }
        }
    }

    /// <summary>Runs a fault that needs the socket (stall, disconnect, truncate); false when the connection is over.</summary>
    private async Task<bool> ApplyPendingFaultAsync(CancellationToken stopping)
    {
        var spec = _cursor.PendingFault;
        switch (spec.Kind)
        {
            case FaultKind.Stall:
                await Task.Delay(spec.Duration, stopping).ConfigureAwait(false);
                _cursor.ResumeAfterStall();
                return true;
            case FaultKind.Disconnect when spec.CloseCode is { } code:
                await _socket.CloseAsync((WebSocketCloseCode)code, "fault: disconnect", stopping).ConfigureAwait(false);
                return false;
            case FaultKind.Disconnect:
                _socket.Abort("fault: disconnect");
                return false;
            default:
                var partial = _cursor.TruncatedFrame();
                await _socket.SendRawAsync(partial, stopping).ConfigureAwait(false);
                _counters.Sent(0, 0, partial.Length);
                _socket.Abort("fault: truncate");
                return false;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(WebSocketFrameBatch batch, ReadOnlyMemory<byte> direct, int from, CancellationToken stopping)
    {
        // A direct run is only ever chosen with an empty batch, so exactly one of them is sent.
        var frames = direct.IsEmpty ? batch.Frames : direct;
        long bytes = frames.Length;
        if (_cursor.HasAppended)
            _options.SendObserver?.OnSending(_id, from, _cursor.Index, Stopwatch.GetTimestamp());
        await _socket.SendRawAsync(frames, stopping).ConfigureAwait(false);
        batch.Clear();
        _counters.Sent(_cursor.TakeAppended(), _batchSession, bytes);
        _batchSession = 0;
    }

    private long NextHeartbeat(long lastSend) =>
        _heartbeatFrame is not null && _cursor.Subscriptions > 0 ? lastSend + _heartbeatTicks : long.MaxValue;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitAsync(long untilTicks, CancellationToken stopping)
    {
        if (untilTicks == long.MaxValue)
        {
            await _wake.WaitAsync(stopping).ConfigureAwait(false);
            return;
        }
        var milliseconds = (untilTicks - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
        if (milliseconds > 0)
            await _wake.WaitAsync((int)Math.Min(milliseconds, int.MaxValue), stopping).ConfigureAwait(false);
    }

    /// <summary>The receive side: hands client messages to the session on the connection's receive thread.</summary>
    private readonly struct ClientMessages(ReplayConnection connection) : IWebSocketMessageHandler
    {
        public void OnMessage(in WebSocketMessage message) => connection.OnClientMessage(message);
    }
}
