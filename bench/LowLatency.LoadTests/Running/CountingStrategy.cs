using System.Diagnostics;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

namespace LowLatency.LoadTests.Running;

/// <summary>
/// A strategy that only counts: events, gaps signalled, and data-quality transitions, with how
/// long each channel took to get back to <see cref="DataQuality.Synced"/> after leaving it.
/// </summary>
/// <remarks>Runs on the signal consumer's thread; counters are read from other threads with acquire reads.</remarks>
public sealed class CountingStrategy : IStrategy
{
    private readonly Dictionary<(int Instrument, Feeds.Exchanges.MarketChannels Channel), long> _leftSynced = [];
    private readonly LatencyHistogram _recovery = new();
    private readonly Lock _gate = new();
    private long _events;
    private long _gaps;
    private long _departures;
    private long _recoveries;

    /// <summary>Events delivered.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary><see cref="MarketEventKind.Gap"/> events delivered.</summary>
    public long Gaps => Volatile.Read(ref _gaps);

    /// <summary>Transitions from Synced to another state.</summary>
    public long Departures => Volatile.Read(ref _departures);

    /// <summary>Transitions back to Synced after a departure.</summary>
    public long Recoveries => Volatile.Read(ref _recoveries);

    /// <summary>Time from leaving Synced to returning to it, per recovery.</summary>
    public LatencyPercentiles RecoveryTimes
    {
        get
        {
            lock (_gate)
                return _recovery.GetPercentiles();
        }
    }

    /// <inheritdoc />
    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        Volatile.Write(ref _events, _events + 1);
        if (marketEvent.Kind == MarketEventKind.Gap)
            Volatile.Write(ref _gaps, _gaps + 1);
    }

    /// <inheritdoc />
    public void OnDataQualityChanged(DataQualityChange change)
    {
        var key = (change.Instrument.Id, change.Channel);
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (change.Previous == DataQuality.Synced && change.Current.Quality != DataQuality.Synced)
            {
                _leftSynced[key] = now;
                Volatile.Write(ref _departures, _departures + 1);
            }
            else if (change.Current.Quality == DataQuality.Synced && _leftSynced.Remove(key, out long left))
            {
                _recovery.Record(StopwatchTime.ElapsedNanoseconds(left, now));
                Volatile.Write(ref _recoveries, _recoveries + 1);
            }
        }
    }
}
