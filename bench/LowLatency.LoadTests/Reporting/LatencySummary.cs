using LowLatency.Core.Metrics;

namespace LowLatency.LoadTests.Reporting;

/// <summary>A latency distribution in microseconds, as reports show it.</summary>
/// <param name="Count">Samples.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest sample.</param>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Converts Core's percentiles (nanoseconds).</summary>
    public static LatencySummary FromNanoseconds(LatencyPercentiles p) =>
        new(p.Count, p.P50 / 1e3, p.P90 / 1e3, p.P99 / 1e3, p.P999 / 1e3, p.Max / 1e3);

    /// <summary>The summary of <paramref name="histogram"/>.</summary>
    public static LatencySummary Of(LatencyHistogram histogram) => FromNanoseconds(histogram.GetPercentiles());
}
