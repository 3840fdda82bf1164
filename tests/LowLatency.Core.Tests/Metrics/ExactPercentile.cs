namespace LowLatency.Core.Tests.Metrics;

/// <summary>The reference the histogram is judged against: nearest-rank percentiles of a sorted copy.</summary>
internal static class ExactPercentile
{
    public static long Of(long[] sorted, double percentile)
    {
        long rank = Math.Clamp((long)Math.Ceiling(percentile * sorted.Length / 100.0), 1, sorted.Length);
        return sorted[rank - 1];
    }
}
