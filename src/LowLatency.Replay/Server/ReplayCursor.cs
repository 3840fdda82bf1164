using LowLatency.Replay.Faults;
using LowLatency.Replay.Feed;
using LowLatency.WebSockets.Server;

namespace LowLatency.Replay.Server;

/// <summary>
/// One connection's place in the feed and everything that decides what goes out next: its
/// subscriptions, its timeline, its faults. Synchronous and socket-free, so the per-message work
/// can be driven (and measured) on one thread.
/// </summary>
/// <remarks>
/// Consecutive subscribed messages are appended as one copy of their pre-encoded frames; a run
/// that fills a whole batch on its own is not copied at all but handed out as a slice of the
/// feed (<see cref="TakeDirectRun"/>). Faults, when configured, take each subscribed message one
/// at a time. No allocation per message.
/// </remarks>
internal sealed class ReplayCursor
{
    private readonly RecordedFeed _feed;
    private readonly ReplayerCounters _counters;
    private readonly ConnectionFaults? _faults;
    private readonly ReplayTimeline _timeline;
    private readonly bool[] _subscribed;
    private readonly long _toleranceTicks;
    private readonly int _maxBatchBytes;
    private readonly int[] _reorder;
    private byte[] _scratch = [];
    private int _reorderFault = -1;
    private int _reorderCount;
    private int _index;
    private long _messageNumber;
    private bool _decided;
    private int _pendingFault = -1;
    private ReadOnlyMemory<byte> _directRun;

    public ReplayCursor(RecordedFeed feed, ReplayerOptions options, ReplayerCounters counters, int variant, long toleranceTicks)
    {
        _feed = feed;
        _counters = counters;
        _faults = ConnectionFaults.Create(options.Faults);
        _timeline = new ReplayTimeline(feed, options.Speed);
        _subscribed = new bool[feed.Keys.Count];
        _reorder = new int[_faults?.MaxWindow ?? 0];
        _maxBatchBytes = options.MaxBatchBytes;
        _toleranceTicks = toleranceTicks;
        Variant = variant;
        StartIndex = options.StartOffset > TimeSpan.Zero && feed.Count > 0
            ? feed.IndexAtOrAfter(feed.StartTimestampNs + (long)(options.StartOffset.TotalMilliseconds * 1_000_000))
            : 0;
        _index = StartIndex;
        CanLoop = options.Loop && StartIndex < feed.Count;
    }

    /// <summary>Where every loop starts (after the start offset).</summary>
    public int StartIndex { get; }

    /// <summary>True when the replay loops and there is something to loop over.</summary>
    public bool CanLoop { get; }

    /// <summary>True once the first subscription started the timeline.</summary>
    public bool Started { get; private set; }

    /// <summary>Keys subscribed now.</summary>
    public int Subscriptions { get; private set; }

    /// <summary>The frame variant served.</summary>
    public int Variant { get; set; }

    /// <summary>Position in the capture of the next recorded message to consider.</summary>
    public int Index => _index;

    /// <summary>True when recorded messages were appended since the last <see cref="TakeAppended"/>.</summary>
    public bool HasAppended => Appended != 0;

    /// <summary>Recorded messages appended since the last <see cref="TakeAppended"/>.</summary>
    private long Appended { get; set; }

    /// <summary>The fault that stopped the last fill with <see cref="ReplayFill.Fault"/>.</summary>
    public FaultSpec PendingFault => _faults!.Spec(_pendingFault);

    /// <summary>Serves key <paramref name="keyId"/>; the first subscription starts the timeline at <paramref name="nowTicks"/>.</summary>
    public void Subscribe(int keyId, long nowTicks)
    {
        if (!_subscribed[keyId])
        {
            _subscribed[keyId] = true;
            Subscriptions++;
        }
        if (!Started)
        {
            Started = true;
            _timeline.Start(nowTicks, _index);
        }
    }

    /// <summary>Stops serving key <paramref name="keyId"/>.</summary>
    public void Unsubscribe(int keyId)
    {
        if (_subscribed[keyId])
        {
            _subscribed[keyId] = false;
            Subscriptions--;
        }
    }

    /// <summary>The number of recorded messages appended since the last call.</summary>
    public long TakeAppended()
    {
        var appended = Appended;
        Appended = 0;
        return appended;
    }

    /// <summary>
    /// The frames the last fill chose to send without copying (a run that filled the batch on its
    /// own, the batch being empty), or empty; the slice stays valid as long as the feed.
    /// </summary>
    public ReadOnlyMemory<byte> TakeDirectRun()
    {
        var run = _directRun;
        _directRun = default;
        return run;
    }

    /// <summary>Starts the next loop.</summary>
    public void Rewind()
    {
        _timeline.Rewind(_feed.Count - 1, StartIndex);
        _index = StartIndex;
    }

    /// <summary>After a stall: the held message goes out next, without a second fault decision.</summary>
    public void ResumeAfterStall()
    {
        _pendingFault = -1;
        _decided = true;
    }

    /// <summary>The first half of the next message's frame (the truncate fault).</summary>
    public ReadOnlyMemory<byte> TruncatedFrame()
    {
        var frame = _feed.FrameMemory(_index, Variant);
        var header = _feed.HeaderLength(_index, Variant);
        return frame[..(header + ((frame.Length - header) / 2))];
    }

    /// <summary>Adds the messages that are due to the batch, until it is full, the next one is not due, a fault needs the socket, or the capture ends.</summary>
    public ReplayFill Fill(WebSocketFrameBatch batch, long nowTicks, out long dueTicks)
    {
        dueTicks = long.MaxValue;
        var feed = _feed;
        var end = feed.Count;
        var variant = Variant;
        var paced = _timeline.IsPaced;
        var horizon = nowTicks + _toleranceTicks;
        var index = _index;
        var runStart = -1;
        var outcome = ReplayFill.End;
        while (index < end)
        {
            var pending = runStart < 0 ? 0 : feed.FrameStart(index, variant) - feed.FrameStart(runStart, variant);
            if (batch.Length + pending >= _maxBatchBytes)
            {
                outcome = ReplayFill.BatchFull;
                break;
            }
            if (paced)
            {
                var due = _timeline.DueTicks(index);
                if (due > horizon)
                {
                    dueTicks = due;
                    outcome = ReplayFill.NotDue;
                    break;
                }
            }
            var subscribed = _subscribed[feed.KeyId(index)];
            if (subscribed && _faults is null)
            {
                if (runStart < 0)
                    runStart = index;
                index++;
                continue;
            }
            if (runStart >= 0)
            {
                AppendRun(batch, runStart, index, variant);
                runStart = -1;
            }
            if (subscribed && !TakeWithFaults(batch, index, variant))
            {
                outcome = ReplayFill.Fault;
                break;
            }
            index++;
        }
        if (runStart >= 0)
        {
            if (outcome == ReplayFill.BatchFull && batch.Length == 0)
            {
                _directRun = feed.FrameRunMemory(runStart, index, variant);
                Appended += index - runStart;
            }
            else
            {
                AppendRun(batch, runStart, index, variant);
            }
        }
        if (outcome == ReplayFill.End && _reorderCount > 0)
            EmitReorder(batch, variant);
        _index = index;
        return outcome;
    }

    private void AppendRun(WebSocketFrameBatch batch, int from, int to, int variant)
    {
        batch.AppendEncoded(_feed.FrameRun(from, to, variant));
        Appended += to - from;
    }

    private void Append(WebSocketFrameBatch batch, int index, int variant)
    {
        batch.AppendEncoded(_feed.Frame(index, variant));
        Appended++;
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
        _faults!.Corrupt(fault, copy[_feed.HeaderLength(index, variant)..]);
        batch.AppendEncoded(copy);
        Appended++;
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
}
