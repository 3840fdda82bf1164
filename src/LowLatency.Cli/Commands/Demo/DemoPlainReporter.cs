using System.Globalization;
using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>The demo without a terminal: one plain line per refresh, then the summary.</summary>
public static class DemoPlainReporter
{
    /// <summary>The line of one frame.</summary>
    public static string Line(DemoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var status = frame.Status;
        var instruments = string.Join("; ", frame.Instruments.Select(i =>
            Invariant($"{i.Venue} {i.Symbol} {i.Bid ?? "-"}/{i.Ask ?? "-"} {i.State} {i.MessagesPerSecond:0}/s")));
        var latency = status.Latency.TryGetValue(LatencyStage.CacheVisible, out var cache) ? Invariant($"{cache.P50 / 1000.0:0.0}/{cache.P99 / 1000.0:0.0}") : "-";
        return Invariant(
            $"t={frame.Elapsed.TotalSeconds:0.0}s messages={status.Messages} ({frame.MessagesPerSecond:0}/s) | {instruments} | cache-visible p50/p99 {latency} us | ring {status.Ring.Occupancy}/{status.Ring.Capacity} overruns {status.Ring.Overruns} | connections {string.Join(",", status.Connections.Connections.Select(c => c.Key + ":" + c.State))}");
    }

    /// <summary>The closing summary, a few lines.</summary>
    public static IEnumerable<string> Summary(DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var status = summary.Final.Status;
        yield return Invariant($"demo: {summary.Duration.TotalSeconds:0.0} s at {summary.Speed}, replayed {string.Join(", ", summary.Recordings)}: {status.Messages} messages, {status.Events} events");
        foreach (var skipped in summary.Skipped)
            yield return "demo: skipped " + skipped;
        foreach (var (stage, p) in status.Latency)
            yield return Invariant($"latency {stage}: p50 {p.P50 / 1000.0:0.0} us, p99 {p.P99 / 1000.0:0.0} us, p99.9 {p.P999 / 1000.0:0.0} us, max {p.Max / 1000.0:0.0} us");
        var window = summary.SteadyStateFrom is { } steady ? Invariant($"steady state from {steady.TotalSeconds:0.0} s") : "whole run: too short to play every recording once";
        yield return $"allocated bytes per message ({window}): " + string.Join(", ", summary.AllocatedBytesPerMessage.Select(a => Invariant($"{a.Key} {a.Value:0.###}")));
        yield return Invariant($"GC collections during the run: gen0 {summary.Gc.Gen0}, gen1 {summary.Gc.Gen1}, gen2 {summary.Gc.Gen2}; ring max occupancy {summary.MaxRingOccupancy}, overruns {status.Ring.Overruns}");
        foreach (var i in summary.Final.Instruments)
            yield return Invariant($"{i.Venue} {i.Symbol}: {i.State} ({i.Reason}), bid {i.Bid ?? "-"} ask {i.Ask ?? "-"}, {i.Messages} messages");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
