using System.Diagnostics;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Server;

/// <summary>
/// The replayer's own position in the capture, advancing from its start at the configured speed:
/// what the REST stub's tickers and candles are "as of". At max speed it is the end of the capture.
/// </summary>
/// <remarks>
/// Connections each run their own timeline from their first subscription, so no connection's
/// position can speak for the others; the clock is the one position every REST caller shares.
/// </remarks>
internal sealed class ReplayClock
{
    private readonly RecordedFeed _feed;
    private readonly ReplaySpeed _speed;
    private readonly bool _loop;
    private readonly int _startIndex;
    private readonly long _startTicks;

    public ReplayClock(RecordedFeed feed, ReplaySpeed speed, bool loop, int startIndex, long startTicks)
    {
        _feed = feed;
        _speed = speed;
        _loop = loop;
        _startIndex = startIndex;
        _startTicks = startTicks;
    }

    /// <summary>Messages played by <paramref name="nowTicks"/>.</summary>
    public int Position(long nowTicks)
    {
        if (_speed.IsMax || _startIndex >= _feed.Count)
            return _feed.Count;
        var elapsedNs = (long)((nowTicks - _startTicks) * (1e9 / Stopwatch.Frequency) * _speed.Factor);
        var first = _feed.TimestampNs(_startIndex);
        var span = _feed.EndTimestampNs - first;
        if (_loop && span > 0)
            elapsedNs %= span;
        var recordedNow = first + elapsedNs;
        return recordedNow >= _feed.EndTimestampNs ? _feed.Count : _feed.IndexAtOrAfter(recordedNow + 1);
    }
}
