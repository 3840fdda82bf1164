using System.Diagnostics;
using LowLatency.Core.Metrics;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Turns a round's send and visibility logs into latencies and a rate, off the measured threads.</summary>
public static class RoundAnalysis
{
    /// <summary>
    /// Latency of every message made visible from position <paramref name="warmUp"/> up to (not
    /// including) <paramref name="end"/> (all recorded when null): its visible time minus the time
    /// the replayer handed it to connection <paramref name="slot"/>'s socket.
    /// </summary>
    public static (LatencyHistogram Latency, double MessagesPerSecond, int Unmatched) Analyze(
        E2EFeed feed, SendLog sends, int slot, VisibilityLog visible, int warmUp, int? end = null)
    {
        var histogram = new LatencyHistogram();
        int count = Math.Min(end ?? int.MaxValue, visible.Count);
        int unmatched = 0;
        for (int i = warmUp; i < count; i++)
        {
            long sent = feed.TryIndexOf(visible.KeyAt(i), out int index) ? sends.SentAt(slot, index) : 0;
            if (sent == 0)
            {
                unmatched++;
                continue;
            }
            histogram.Record(StopwatchTime.ElapsedNanoseconds(sent, visible.VisibleAt(i)));
        }
        double rate = 0;
        if (count - 1 > warmUp)
        {
            double seconds = (visible.VisibleAt(count - 1) - visible.VisibleAt(warmUp)) / (double)Stopwatch.Frequency;
            rate = seconds > 0 ? (count - 1 - warmUp) / seconds : 0;
        }
        return (histogram, rate, unmatched);
    }
}
