using BenchmarkDotNet.Attributes;
using LowLatency.Core.Metrics;

namespace LowLatency.Benchmarks.Micro.Seqlock;

/// <summary>
/// Cost of recording into and querying the latency histogram that every latency figure
/// (seqlock reads included) goes through.
/// </summary>
[MemoryDiagnoser]
public class LatencyHistogramBenchmarks
{
    private const int Samples = 1_024;
    private readonly long[] _samples = new long[Samples];
    private LatencyHistogram _histogram = null!;
    private LatencyHistogram _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (int i = 0; i < Samples; i++)
            _samples[i] = (long)(-Math.Log(1 - random.NextDouble()) * 2_000);
        _histogram = new LatencyHistogram();
        foreach (long sample in _samples)
            _histogram.Record(sample);
        _snapshot = new LatencyHistogram();
    }

    /// <summary>Records 1 024 varied samples; divide by 1 024 for one record.</summary>
    [Benchmark(OperationsPerInvoke = Samples)]
    public void Record()
    {
        LatencyHistogram histogram = _histogram;
        foreach (long sample in _samples)
            histogram.Record(sample);
    }

    [Benchmark]
    public long GetValueAtPercentile99() => _histogram.GetValueAtPercentile(99);

    [Benchmark]
    public void CopyTo() => _histogram.CopyTo(_snapshot);
}
