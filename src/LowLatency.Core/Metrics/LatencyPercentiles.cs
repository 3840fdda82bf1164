namespace LowLatency.Core.Metrics;

/// <summary>The usual latency summary of a <see cref="LatencyHistogram"/>, all in nanoseconds.</summary>
/// <param name="Count">Samples recorded.</param>
/// <param name="Min">Smallest sample (exact).</param>
/// <param name="Mean">Arithmetic mean (exact).</param>
/// <param name="P50">Median, within <see cref="LatencyHistogram.MaxRelativeError"/>.</param>
/// <param name="P90">90th percentile, within <see cref="LatencyHistogram.MaxRelativeError"/>.</param>
/// <param name="P99">99th percentile, within <see cref="LatencyHistogram.MaxRelativeError"/>.</param>
/// <param name="P999">99.9th percentile, within <see cref="LatencyHistogram.MaxRelativeError"/>.</param>
/// <param name="Max">Largest sample (exact).</param>
public readonly record struct LatencyPercentiles(long Count, long Min, double Mean, long P50, long P90, long P99, long P999, long Max);
