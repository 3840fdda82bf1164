using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Protocols;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Server;

namespace LowLatency.Replay.Server;

/// <summary>
/// One client of the replayer: plays the feed from its first subscription on its own timeline,
/// serving only the keys it subscribed, with its own faults.
/// </summary>
/// <remarks>
/// <para>One async send loop owns everything that goes out: session answers (queued by the
/// session on the receive thread, so they stay in order with the data), the recorded frames and
/// the faults. It gathers up to <see cref="ReplayerOptions.MaxBatchBytes"/> per socket write;
/// consecutive subscribed messages are one copy of the pre-encoded frames, so a steady replay
/// allocates nothing per message or per batch.</para>
/// <para>Paced replays send a message when it is due within 1 ms, so waits are never shorter
/// than the timer can honour.</para>
/// </remarks>
internal sealed class ReplayConnection : ISessionOutput
{
    private readonly RecordedFeed _feed;
    private readonly ReplayerOptions _options;
    private readonly ReplayerCounters _counters;
    private readonly WebSocketConnection _socket;
    private readonly ExchangeSession _session;
    private readonly ConnectionFaults? _faults;
    private readonly ReplayTimeline _timeline;
    private readonly ConcurrentQueue<SessionAction> _actions = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly bool[] _subscribed;
    private readonly int _startIndex;
    private readonly long _toleranceTicks = Stopwatch.Frequency / 1000;
    private readonly long _heartbeatTicks;
    private readonly byte[]? _heartbeatFrame;
    private readonly int[] _reorder;
    private readonly long _id;
    private byte[] _scratch = [];
    private int _reorderFault = -1;
    private int _reorderCount;
    private int _subscriptions;
    private int _variant;
    private bool _started;
    private int _index;
    private long _messageNumber;
    private bool _decided;
    private int _pendingFault = -1;
    private long _batchMessages;
    private long _batchSession;

    public ReplayConnection(RecordedFeed feed, ReplayerOptions options, ReplayerCounters counters, WebSocketConnection socket, ExchangeSession session, long id)
    {
        _id = id;
        _feed = feed;
        _options = options;
        _counters = counters;
        _socket = socket;
        _session = session;
        _faults = ConnectionFaults.Create(options.Faults);
        _timeline = new ReplayTimeline(feed, options.Speed);
        _subscribed = new bool[feed.Keys.Count];
        _reorder = new int[_faults?.MaxWindow ?? 0];
        _variant = session.Variant;
        _startIndex = options.StartOffset > TimeSpan.Zero && feed.Count > 0
            ? feed.IndexAtOrAfter(feed.StartTimestampNs + (long)(options.StartOffset.TotalMilliseconds * 1_000_000))
            : 0;
        _index = _startIndex;
        if (session.HeartbeatInterval > TimeSpan.Zero && session.Heartbeat is { } heartbeat)
        {
            _heartbeatTicks = (long)(session.HeartbeatInterval.TotalSeconds * Stopwatch.Frequency);
            _heartbeatFrame = WebSockets.Protocol.FrameEncoder.EncodeServerFrame(Encoding.UTF8.GetBytes(heartbeat), WebSocketMessageType.Text);
        }
    }

    private enum FillOutcome
    {
        Idle,
        BatchFull,
        NotDue,
        Fault,
        End,
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
        _actions.Enqueue(new SessionAction(SessionActionKind.Send, WebSockets.Protocol.FrameEncoder.EncodeServerFrame(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text), 0));

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
        var canLoop = _options.Loop && _startIndex < _feed.Count;
        while (!_socket.Completion.IsCompleted)
        {
            stopping.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            ApplyActions(batch, now);
            var outcome = FillOutcome.Idle;
            long due = long.MaxValue;
            var from = _index;
            if (_started)
                outcome = Fill(batch, now, out due);
            if (batch.Length == 0 && _heartbeatFrame is not null && _subscriptions > 0 && now - lastSend >= _heartbeatTicks)
            {
                batch.AppendEncoded(_heartbeatFrame);
                _batchSession++;
            }
            if (batch.Length > 0)
            {
                await SendAsync(batch, from, stopping).ConfigureAwait(false);
                lastSend = Stopwatch.GetTimestamp();
            }
            switch (outcome)
            {
                case FillOutcome.BatchFull:
                    break;
                case FillOutcome.Fault:
                    if (!await ApplyPendingFaultAsync(stopping).ConfigureAwait(false))
                        return;
                    break;
                case FillOutcome.NotDue:
                    await WaitAsync(Math.Min(due, NextHeartbeat(lastSend)), stopping).ConfigureAwait(false);
                    break;
                case FillOutcome.End when canLoop:
                    _timeline.Rewind(_feed.Count - 1, _startIndex);
                    _index = _startIndex;
                    break;
                case FillOutcome.End when _options.AtEnd == ReplayEndBehavior.Close:
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
                    if (!_subscribed[action.Value])
                    {
                        _subscribed[action.Value] = true;
                        _subscriptions++;
                    }
                    if (!_started)
                    {
                        _started = true;
                        _timeline.Start(now, _index);
                    }
                    break;
                case SessionActionKind.Unsubscribe:
                    if (_subscribed[action.Value])
                    {
                        _subscribed[action.Value] = false;
                        _subscriptions--;
                    }
                    break;
                default:
                    _variant = action.Value;
                    break;
            }
        }
    }

    /// <summary>Adds the messages that are due to the batch, until it is full, the next one is not due, a fault needs the socket, or the capture ends.</summary>
    private FillOutcome Fill(WebSocketFrameBatch batch, long now, out long dueTicks)
    {
        dueTicks = long.MaxValue;
        var feed = _feed;
        var end = feed.Count;
        var variant = _variant;
        var paced = _timeline.IsPaced;
        var horizon = now + _toleranceTicks;
        var maxBytes = _options.MaxBatchBytes;
        var index = _index;
        var runStart = -1;
        var outcome = FillOutcome.End;
        while (index < end)
        {
            var pending = runStart < 0 ? 0 : feed.FrameStart(index, variant) - feed.FrameStart(runStart, variant);
            if (batch.Length + pending >= maxBytes)
            {
                outcome = FillOutcome.BatchFull;
                break;
            }
            if (paced)
            {
                var due = _timeline.DueTicks(index);
                if (due > horizon)
                {
                    dueTicks = due;
                    outcome = FillOutcome.NotDue;
                    break;
                }
            }
            if (!_subscribed[feed.KeyId(index)] || _faults is not null)
            {
                if (runStart >= 0)
                {
                    AppendRun(batch, runStart, index, variant);
                    runStart = -1;
                }
                if (_subscribed[feed.KeyId(index)] && !TakeWithFaults(batch, index, variant))
                {
                    outcome = FillOutcome.Fault;
                    break;
                }
                index++;
                continue;
            }
            if (runStart < 0)
                runStart = index;
            index++;
        }
        if (runStart >= 0)
            AppendRun(batch, runStart, index, variant);
        if (outcome == FillOutcome.End && _reorderCount > 0)
            EmitReorder(batch, variant);
        _index = index;
        return outcome;
    }

    private void AppendRun(WebSocketFrameBatch batch, int from, int to, int variant)
    {
        batch.AppendEncoded(_feed.FrameRun(from, to, variant));
        _batchMessages += to - from;
    }

    private void Append(WebSocketFrameBatch batch, int index, int variant)
    {
        batch.AppendEncoded(_feed.Frame(index, variant));
        _batchMessages++;
    }

    /// <summary>Takes one subscribed message through the faults; false when a fault needs the socket itself (the message stays next).</summary>
    private bool TakeWithFaults(WebSocketFrameBatch batch, int index, int variant)
    {
        var faults = _faults!;
        if (_decided)
        {
            _decided = false;
            Append(batch, index, variant);
            return true;
        }
        var number = ++_messageNumber;
        if (_reorderFault >= 0)
        {
            faults.Decide(number, canApply: false);
            _reorder[_reorderCount++] = index;
            if (_reorderCount == faults.Spec(_reorderFault).Window)
                EmitReorder(batch, variant);
            return true;
        }
        var fault = faults.Decide(number);
        if (fault < 0)
        {
            Append(batch, index, variant);
            return true;
        }
        var spec = faults.Spec(fault);
        _counters.Fault(spec.Kind);
        switch (spec.Kind)
        {
            case FaultKind.Drop:
                return true;
            case FaultKind.Duplicate:
                Append(batch, index, variant);
                Append(batch, index, variant);
                return true;
            case FaultKind.Corrupt:
                AppendCorrupted(batch, index, variant, fault);
                return true;
            case FaultKind.Reorder:
                _reorderFault = fault;
                _reorderCount = 0;
                _reorder[_reorderCount++] = index;
                return true;
            default:
                _pendingFault = fault;
                return false;
        }
    }

    private void AppendCorrupted(WebSocketFrameBatch batch, int index, int variant, int fault)
    {
        var frame = _feed.Frame(index, variant);
        if (_scratch.Length < frame.Length)
            _scratch = new byte[Math.Max(frame.Length, _scratch.Length * 2)];
        var copy = _scratch.AsSpan(0, frame.Length);
        frame.CopyTo(copy);
        var header = _feed.HeaderLength(index, variant);
        _faults!.Corrupt(fault, copy[header..]);
        batch.AppendEncoded(copy);
        _batchMessages++;
    }

    private void EmitReorder(WebSocketFrameBatch batch, int variant)
    {
        var window = _reorder.AsSpan(0, _reorderCount);
        _faults!.Shuffle(_reorderFault, window);
        foreach (var index in window)
            Append(batch, index, variant);
        _reorderFault = -1;
        _reorderCount = 0;
    }

    /// <summary>Runs a fault that needs the socket (stall, disconnect, truncate); false when the connection is over.</summary>
    private async Task<bool> ApplyPendingFaultAsync(CancellationToken stopping)
    {
        var spec = _faults!.Spec(_pendingFault);
        _pendingFault = -1;
        switch (spec.Kind)
        {
            case FaultKind.Stall:
                await Task.Delay(spec.Duration, stopping).ConfigureAwait(false);
                _decided = true;
                return true;
            case FaultKind.Disconnect when spec.CloseCode is { } code:
                await _socket.CloseAsync((WebSocketCloseCode)code, "fault: disconnect", stopping).ConfigureAwait(false);
                return false;
            case FaultKind.Disconnect:
                _socket.Abort("fault: disconnect");
                return false;
            default:
                var frame = _feed.FrameMemory(_index, _variant);
                var header = _feed.HeaderLength(_index, _variant);
                var partial = frame[..(header + ((frame.Length - header) / 2))];
                await _socket.SendRawAsync(partial, stopping).ConfigureAwait(false);
                _counters.Sent(0, 0, partial.Length);
                _socket.Abort("fault: truncate");
                return false;
        }
    }

    private async ValueTask SendAsync(WebSocketFrameBatch batch, int from, CancellationToken stopping)
    {
        long bytes = batch.Length;
        if (_batchMessages != 0)
            _options.SendObserver?.OnSending(_id, from, _index, Stopwatch.GetTimestamp());
        await batch.SendAsync(_socket, stopping).ConfigureAwait(false);
        _counters.Sent(_batchMessages, _batchSession, bytes);
        _batchMessages = 0;
        _batchSession = 0;
    }

    private long NextHeartbeat(long lastSend) =>
        _heartbeatFrame is not null && _subscriptions > 0 ? lastSend + _heartbeatTicks : long.MaxValue;

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
