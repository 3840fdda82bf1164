using LowLatency.Core.Metrics;
using LowLatency.LoadTests.Reporting;
using LowLatency.LoadTests.Running;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>Sums the rounds of one step into a report row: counts add up, latency histograms merge.</summary>
public sealed class RoundFigures
{
    private readonly LatencyHistogram _latency = new();
    private long _counted;
    private double _seconds;
    private long _sent;
    private long _visible;
    private long _lost;
    private long _allocated;
    private long _allocatedMessages;
    private long _overruns;
    private TimeSpan _cpu;
    private long _parseErrors;
    private long _gaps;
    private long _gen0;
    private long _gen1;
    private long _gen2;
    private int _rounds;
    private int _unfinished;

    /// <summary>Adds one round.</summary>
    public void Add(LoadRound round)
    {
        _latency.Add(round.WireToVisible);
        _counted += round.CountedMessages;
        _seconds += round.CountedSeconds;
        _sent += round.Delivery.Sent;
        _visible += round.Delivery.Visible;
        _lost += round.Delivery.Lost;
        _allocated += round.AllocatedBytes;
        _allocatedMessages += round.AllocatedMessages;
        _cpu += round.Cpu;
        _overruns += round.Status.Ring.Overruns;
        _parseErrors += round.Status.ParseErrors;
        _gaps += round.Strategy.Gaps;
        _gen0 += round.Gc.Gen0;
        _gen1 += round.Gc.Gen1;
        _gen2 += round.Gc.Gen2;
        _rounds++;
        if (!round.Reached)
            _unfinished++;
    }

    /// <summary>Counted messages per second of visible time.</summary>
    public double Rate => _seconds > 0 ? _counted / _seconds : 0;

    /// <summary>Merged wire → visible latency.</summary>
    public LatencyHistogram Latency => _latency;

    /// <summary>Writes the sums into <paramref name="row"/>.</summary>
    public LoadRow Fill(LoadRow row) => row
        .With("rounds", _rounds)
        .With("unfinished", _unfinished)
        .With("visible_msg_s", Math.Round(Rate))
        .With("sent", _sent)
        .With("visible", _visible)
        .With("lost", _lost)
        .With("ring_overruns", _overruns)
        .With("parse_errors", _parseErrors)
        .With("gaps", _gaps)
        .With("cpu_us_per_msg", _allocatedMessages > 0 ? Math.Round(_cpu.TotalMicroseconds / _allocatedMessages, 2) : 0)
        .With("hot_B_per_msg", _allocatedMessages > 0 ? Math.Round((double)_allocated / _allocatedMessages, 2) : 0)
        .With("gc0", _gen0)
        .With("gc1", _gen1)
        .With("gc2", _gen2)
        .WithLatency("wire_to_visible", LatencySummary.Of(_latency));
}
