using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Metrics;

namespace LowLatency.Core.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];

    private static LatencyHistogram Recorded(long[] samples)
    {
        var histogram = new LatencyHistogram();
        foreach (long sample in samples)
            histogram.Record(sample);
        return histogram;
    }

    /// <summary>Every listed percentile within the stated precision of the exact one; returns the failures.</summary>
    private static List<string> PrecisionFailures(long[] samples)
    {
        LatencyHistogram histogram = Recorded(samples);
        long[] sorted = (long[])samples.Clone();
        Array.Sort(sorted);
        var failures = new List<string>();
        foreach (double p in Percentiles)
        {
            long exact = ExactPercentile.Of(sorted, p);
            long reported = histogram.GetValueAtPercentile(p);
            if (Math.Abs(reported - exact) > exact * LatencyHistogram.MaxRelativeError)
                failures.Add($"p{p}: exact {exact}, reported {reported}");
        }
        return failures;
    }

    [Fact]
    public void Percentiles_of_uniform_samples_are_within_the_stated_precision()
    {
        var random = new Random(1);
        long[] samples = Enumerable.Range(0, 200_000).Select(_ => random.NextInt64(1, 2_000_000)).ToArray();

        Assert.Empty(PrecisionFailures(samples));
    }

    [Fact]
    public void Percentiles_of_exponential_samples_are_within_the_stated_precision()
    {
        var random = new Random(2);
        long[] samples = Enumerable.Range(0, 200_000).Select(_ => (long)(-Math.Log(1 - random.NextDouble()) * 5_000)).ToArray();

        Assert.Empty(PrecisionFailures(samples));
    }

    [Fact]
    public void Percentiles_of_bimodal_samples_are_within_the_stated_precision()
    {
        var random = new Random(3);
        // 95 % fast path near 300 ns, 5 % slow path near 40 µs: the shape of a cache hit versus a fallback.
        long[] samples = Enumerable.Range(0, 200_000)
            .Select(_ => random.NextDouble() < 0.95 ? 250 + random.NextInt64(100) : 35_000 + random.NextInt64(10_000))
            .ToArray();

        Assert.Empty(PrecisionFailures(samples));
    }

    [Fact]
    public void Percentiles_of_any_samples_from_0_ns_to_beyond_an_hour_are_within_the_stated_precision()
    {
        // Log-uniform over 2^0 .. 2^43 ns (about 2.4 hours), so every range of buckets is exercised.
        Gen<long> logUniform = Gen.Choose(0, 43).SelectMany(bits => Gen.Choose(0, int.MaxValue).Select(r => (long)(r / (double)int.MaxValue * (1L << bits))));
        Prop.ForAll(logUniform.ArrayOf().Where(a => a.Length > 0).ToArbitrary(), samples =>
            PrecisionFailures(samples).Count == 0).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Count_min_max_and_mean_are_exact()
    {
        long[] samples = [15, 3_600_000_000_000, 1, 70_000, 999];

        LatencyHistogram histogram = Recorded(samples);

        Assert.Equal(5, histogram.TotalCount);
        Assert.Equal(1, histogram.Min);
        Assert.Equal(3_600_000_000_000, histogram.Max);
        Assert.Equal(samples.Average(), histogram.Mean);
        Assert.Equal(samples.Sum(), histogram.Sum);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(255L)]
    [InlineData(3_600_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void A_single_sample_anywhere_in_range_is_reported_exactly_at_every_percentile(long sample)
    {
        LatencyHistogram histogram = Recorded([sample]);

        Assert.Equal(sample, histogram.GetValueAtPercentile(0));
        Assert.Equal(sample, histogram.GetValueAtPercentile(50));
        Assert.Equal(sample, histogram.GetValueAtPercentile(100));
    }

    [Fact]
    public void GetPercentiles_summarises_with_the_same_values_as_single_queries()
    {
        var random = new Random(4);
        LatencyHistogram histogram = Recorded(Enumerable.Range(0, 10_000).Select(_ => random.NextInt64(100, 100_000)).ToArray());

        LatencyPercentiles summary = histogram.GetPercentiles();

        Assert.Equal(new LatencyPercentiles(histogram.TotalCount, histogram.Min, histogram.Mean,
            histogram.GetValueAtPercentile(50), histogram.GetValueAtPercentile(90), histogram.GetValueAtPercentile(99),
            histogram.GetValueAtPercentile(99.9), histogram.Max), summary);
    }

    [Fact]
    public void Merging_two_histograms_equals_recording_every_sample_in_one()
    {
        var random = new Random(5);
        long[] first = Enumerable.Range(0, 50_000).Select(_ => random.NextInt64(10, 5_000)).ToArray();
        long[] second = Enumerable.Range(0, 30_000).Select(_ => random.NextInt64(1_000, 9_000_000)).ToArray();
        LatencyHistogram merged = Recorded(first);
        LatencyHistogram all = Recorded([.. first, .. second]);

        merged.Add(Recorded(second));

        Assert.Equal(all.TotalCount, merged.TotalCount);
        Assert.Equal(all.Min, merged.Min);
        Assert.Equal(all.Max, merged.Max);
        Assert.Equal(all.Sum, merged.Sum);
        for (double p = 0; p <= 100; p += 0.5)
            Assert.Equal(all.GetValueAtPercentile(p), merged.GetValueAtPercentile(p));
    }

    [Fact]
    public void Merging_an_empty_histogram_changes_nothing()
    {
        LatencyHistogram histogram = Recorded([10, 20, 30]);

        histogram.Add(new LatencyHistogram());

        Assert.Equal(3, histogram.TotalCount);
        Assert.Equal(10, histogram.Min);
        Assert.Equal(30, histogram.Max);
    }

    [Fact]
    public void Reset_forgets_every_sample_and_recording_starts_afresh()
    {
        LatencyHistogram histogram = Recorded([5, 50_000, -3]);

        histogram.Reset();

        Assert.Equal(0, histogram.TotalCount);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
        Assert.Equal(0, histogram.NegativeCount);
        Assert.Equal(0, histogram.GetValueAtPercentile(99));
        histogram.Record(700);
        Assert.Equal(700, histogram.Min);
        Assert.Equal(700, histogram.GetValueAtPercentile(50));
    }

    [Fact]
    public void An_empty_histogram_reports_zero_everywhere()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(new LatencyPercentiles(0, 0, 0, 0, 0, 0, 0, 0), histogram.GetPercentiles());
    }

    [Fact]
    public void Negative_durations_are_recorded_as_zero_and_counted()
    {
        LatencyHistogram histogram = Recorded([-40, 100]);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(1, histogram.NegativeCount);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.GetValueAtPercentile(50));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void A_percentile_outside_0_to_100_is_rejected(double percentile)
    {
        var histogram = new LatencyHistogram();

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.GetValueAtPercentile(percentile));
    }

    [Fact]
    public void RecordStopwatchTicks_records_the_duration_in_nanoseconds()
    {
        var histogram = new LatencyHistogram();

        histogram.RecordStopwatchTicks(Stopwatch.Frequency / 1_000);

        Assert.Equal(1_000_000, histogram.Max);
    }

    [Fact]
    public void Record_allocates_nothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long i = 0; i < 1_000_000; i++)
            histogram.Record(i * 7_919 % 50_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000_001, histogram.TotalCount);
    }

    [Fact]
    public void CopyTo_allocates_nothing_and_copies_every_sample()
    {
        LatencyHistogram source = Recorded([1, 2, 3, 40_000]);
        var target = new LatencyHistogram();
        source.CopyTo(target);

        long before = GC.GetAllocatedBytesForCurrentThread();
        source.CopyTo(target);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(source.GetPercentiles(), target.GetPercentiles());
    }

    [Fact]
    public void Snapshots_taken_on_another_thread_while_recording_are_self_consistent()
    {
        const long Samples = 3_000_000;
        var histogram = new LatencyHistogram();
        var recorder = new Thread(() =>
        {
            for (long i = 0; i < Samples; i++)
                histogram.Record(1 + i % 1_000);
        });
        var snapshot = new LatencyHistogram();
        long previousCount = 0;
        var problems = new List<string>();

        recorder.Start();
        while (recorder.IsAlive)
        {
            histogram.CopyTo(snapshot);
            long count = snapshot.TotalCount;
            if (count < previousCount)
                problems.Add($"count went back from {previousCount} to {count}");
            if (count > 0 && (snapshot.Min < 1 || snapshot.Max > 1_000 || snapshot.GetValueAtPercentile(0) < 1 || snapshot.GetValueAtPercentile(100) > 1_000))
                problems.Add($"values out of range in a snapshot of {count}: min {snapshot.Min}, max {snapshot.Max}");
            previousCount = count;
            Thread.Sleep(1);
        }
        recorder.Join();
        histogram.CopyTo(snapshot);

        Assert.Empty(problems);
        Assert.Equal(Samples, snapshot.TotalCount);
        Assert.Equal(histogram.GetPercentiles(), snapshot.GetPercentiles());
    }

    [Fact]
    public void Buckets_tile_the_whole_range_and_none_is_wider_than_1_128_of_its_values()
    {
        for (int i = 0; i < LatencyHistogram.BucketCount; i++)
        {
            long lowest = LatencyHistogram.LowestValue(i);
            long width = LatencyHistogram.Width(i);
            Assert.Equal(i, LatencyHistogram.BucketIndex(lowest));
            Assert.Equal(i, LatencyHistogram.BucketIndex(lowest + (width - 1)));
            if (i + 1 < LatencyHistogram.BucketCount)
                Assert.Equal(lowest + width, LatencyHistogram.LowestValue(i + 1));
            else
                Assert.Equal(long.MaxValue, lowest + (width - 1));
            Assert.True(width == 1 || width * 128 <= lowest, $"bucket {i} [{lowest}, +{width}) is too wide");
        }
    }
}
