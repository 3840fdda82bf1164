using System.Diagnostics;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Server;

/// <summary>
/// When each recorded message is due on the <see cref="Stopwatch"/> clock: the recorded time
/// since the timeline's origin, divided by the speed.
/// </summary>
internal sealed class ReplayTimeline
{
    private readonly RecordedFeed _feed;
    private readonly double _ticksPerRecordedNs;
    private long _originTicks;
    private long _originNs;

    public ReplayTimeline(RecordedFeed feed, ReplaySpeed speed)
    {
        _feed = feed;
        IsPaced = !speed.IsMax;
        _ticksPerRecordedNs = IsPaced ? Stopwatch.Frequency / 1e9 / speed.Factor : 0;
    }

    /// <summary>False at max speed: nothing is ever early.</summary>
    public bool IsPaced { get; }

    /// <summary>Message <paramref name="index"/> is due at <paramref name="nowTicks"/>.</summary>
    public void Start(long nowTicks, int index)
    {
        _originTicks = nowTicks;
        _originNs = index < _feed.Count ? _feed.TimestampNs(index) : 0;
    }

    /// <summary>The <see cref="Stopwatch"/> time message <paramref name="index"/> is due.</summary>
    public long DueTicks(int index) => _originTicks + (long)((_feed.TimestampNs(index) - _originNs) * _ticksPerRecordedNs);

    /// <summary>Starts the next loop: <paramref name="firstIndex"/> is due right when <paramref name="lastIndex"/> was.</summary>
    public void Rewind(int lastIndex, int firstIndex)
    {
        var last = DueTicks(lastIndex);
        _originTicks = last;
        _originNs = _feed.TimestampNs(firstIndex);
    }
}
