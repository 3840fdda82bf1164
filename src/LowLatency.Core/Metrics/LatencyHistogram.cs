using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Metrics;

/// <summary>
/// A log-linear histogram of latencies in nanoseconds: records without allocating, reports
/// count, min, max, mean and any percentile within <see cref="MaxRelativeError"/> (0.39 %),
/// over the whole range 0 .. <see cref="long.MaxValue"/> ns (292 years).
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> Values below 256 ns have a bucket each (exact). Above, every power of two
/// [2^k, 2^(k+1)) is split into 128 equal buckets, so a bucket is at most 1/128 of its lower
/// bound wide; a percentile is reported as the middle of its bucket, hence at most 1/256 of the
/// true value away from it. 7 296 buckets of 8 bytes: 57 KB per histogram. Min, max, sum (and
/// so the mean) are tracked exactly; percentiles are clamped to [min, max], so p0 and p100 are
/// exact. A percentile p is the value of rank ceil(p/100 × count) in the sorted samples
/// (nearest-rank).</para>
/// <para><b>Threads.</b> One recorder thread owns the histogram: <see cref="Record"/>,
/// <see cref="Add"/> and <see cref="Reset"/> must be called from it (plain increments: a
/// couple of nanoseconds per sample, no atomic instructions). Any other thread reads through
/// <see cref="CopyTo"/>, which takes a snapshot while recording goes on; queries on the snapshot
/// are then exact for the samples it holds. A snapshot taken mid-recording may include up to one
/// in-flight sample in min, max and sum but not yet in the counts; its count, percentiles and
/// buckets always agree with each other. This single-owner choice keeps recording cheap
/// enough for per-message stages; where several threads record, give each its own histogram and
/// merge their snapshots with <see cref="Add"/>.</para>
/// <para>Negative durations (a clock stepped, or exchange and local clocks disagreeing) are
/// recorded as 0 and counted in <see cref="NegativeCount"/>, so totals stay right and the skew
/// stays visible.</para>
/// </remarks>
public sealed class LatencyHistogram
{
    /// <summary>Largest relative distance between a reported percentile and the true one: 1/256.</summary>
    public const double MaxRelativeError = 1.0 / (2 * SubBucketCount);

    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;

    /// <summary>Buckets needed to cover 0 .. long.MaxValue: exponents 0..62 less the linear start.</summary>
    internal const int BucketCount = (63 - SubBucketBits + 1) * SubBucketCount;

    private readonly long[] _counts = new long[BucketCount];
    private long _totalCount;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;
    private long _negativeCount;

    /// <summary>Samples recorded.</summary>
    public long TotalCount => _totalCount;

    /// <summary>Smallest sample in ns, or 0 when empty.</summary>
    public long Min => _totalCount == 0 ? 0 : _min;

    /// <summary>Largest sample in ns, or 0 when empty.</summary>
    public long Max => _max;

    /// <summary>Sum of all samples in ns.</summary>
    public long Sum => _sum;

    /// <summary>Mean of the samples in ns, or 0 when empty.</summary>
    public double Mean => _totalCount == 0 ? 0 : (double)_sum / _totalCount;

    /// <summary>Samples that were negative and were recorded as 0.</summary>
    public long NegativeCount => _negativeCount;

    /// <summary>Records one duration (recorder thread only). Allocation-free, no atomic instructions.</summary>
    /// <param name="nanoseconds">The duration; a negative one counts as 0 (see <see cref="NegativeCount"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0)
        {
            _negativeCount++;
            nanoseconds = 0;
        }
        ref long bucket = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_counts), BucketIndex(nanoseconds));
        _sum += nanoseconds;
        if (nanoseconds < _min)
            _min = nanoseconds;
        if (nanoseconds > _max)
            _max = nanoseconds;
        _totalCount++;
        // Release: a CopyTo on another thread that sees this count also sees the sum, min and max above.
        Volatile.Write(ref bucket, bucket + 1);
    }

    /// <summary>Records a duration measured in <see cref="System.Diagnostics.Stopwatch"/> ticks (recorder thread only).</summary>
    public void RecordStopwatchTicks(long elapsedTicks) => Record(StopwatchTime.ToNanoseconds(elapsedTicks));

    /// <summary>
    /// The value at <paramref name="percentile"/> (0 to 100) in ns, within
    /// <see cref="MaxRelativeError"/> of the exact nearest-rank percentile; 0 when empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentile"/> is not between 0 and 100.</exception>
    public long GetValueAtPercentile(double percentile)
    {
        if (!(percentile >= 0 && percentile <= 100))
            ThrowPercentileOutOfRange(percentile);
        long total = _totalCount;
        if (total == 0)
            return 0;
        long rank = Math.Clamp((long)Math.Ceiling(percentile * total / 100.0), 1, total);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Clamp(RepresentativeValue(i), _min, _max);
        }
        return _max;
    }

    /// <summary>Count, min, mean, p50, p90, p99, p99.9 and max in one call.</summary>
    public LatencyPercentiles GetPercentiles() => new(
        TotalCount, Min, Mean,
        GetValueAtPercentile(50), GetValueAtPercentile(90), GetValueAtPercentile(99), GetValueAtPercentile(99.9),
        Max);

    /// <summary>
    /// Adds every sample of <paramref name="other"/> to this histogram (this histogram's recorder
    /// thread only). <paramref name="other"/> is read like <see cref="CopyTo"/> reads, so it may be
    /// a live histogram of another thread.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this histogram.</exception>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
            throw new ArgumentException("A histogram received itself; expected another histogram to merge.", nameof(other));
        long added = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            long count = Volatile.Read(ref other._counts[i]);
            if (count != 0)
            {
                _counts[i] += count;
                added += count;
            }
        }
        if (added == 0)
            return;
        _totalCount += added;
        _sum += Volatile.Read(ref other._sum);
        _min = Math.Min(_min, Volatile.Read(ref other._min));
        _max = Math.Max(_max, Volatile.Read(ref other._max));
        _negativeCount += Volatile.Read(ref other._negativeCount);
    }

    /// <summary>
    /// Overwrites <paramref name="target"/> with a snapshot of this histogram. Safe to call from
    /// any thread while the recorder thread records; <paramref name="target"/> must not be in use
    /// elsewhere. Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is this histogram.</exception>
    public void CopyTo(LatencyHistogram target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(target, this))
            throw new ArgumentException("A histogram received itself as the snapshot target; expected another histogram.", nameof(target));
        long total = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            // Acquire per bucket pairs with the release in Record: whatever sample a count includes,
            // its sum, min and max updates are visible to the reads below.
            long count = Volatile.Read(ref _counts[i]);
            target._counts[i] = count;
            total += count;
        }
        target._totalCount = total;
        target._sum = Volatile.Read(ref _sum);
        target._min = Volatile.Read(ref _min);
        target._max = Volatile.Read(ref _max);
        target._negativeCount = Volatile.Read(ref _negativeCount);
        if (total == 0)
        {
            target._sum = 0;
            target._min = long.MaxValue;
            target._max = 0;
            target._negativeCount = 0;
        }
    }

    /// <summary>Returns a new histogram holding a snapshot of this one (allocates; see <see cref="CopyTo"/>).</summary>
    public LatencyHistogram Snapshot()
    {
        var snapshot = new LatencyHistogram();
        CopyTo(snapshot);
        return snapshot;
    }

    /// <summary>Forgets every sample (recorder thread only).</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _totalCount = 0;
        _sum = 0;
        _min = long.MaxValue;
        _max = 0;
        _negativeCount = 0;
    }

    /// <summary>Bucket of a non-negative value: exact below 256, then 128 buckets per power of two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int BucketIndex(long value)
    {
        // OR-ing in 128 makes every value below 256 land in shift 0, the exact linear range.
        int shift = 63 - SubBucketBits - BitOperations.LeadingZeroCount((ulong)value | SubBucketCount);
        return (shift << SubBucketBits) + (int)(value >> shift);
    }

    /// <summary>Smallest value that lands in bucket <paramref name="index"/>.</summary>
    internal static long LowestValue(int index)
    {
        int shift = Math.Max(0, (index >> SubBucketBits) - 1);
        long subBucket = index < SubBucketCount ? index : (index & (SubBucketCount - 1)) | SubBucketCount;
        return subBucket << shift;
    }

    /// <summary>Width of bucket <paramref name="index"/> in ns.</summary>
    internal static long Width(int index) => 1L << Math.Max(0, (index >> SubBucketBits) - 1);

    /// <summary>The value reported for a bucket: its middle, at most half a width from any value in it.</summary>
    private static long RepresentativeValue(int index) => LowestValue(index) + (Width(index) >> 1);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowPercentileOutOfRange(double percentile) =>
        throw new ArgumentOutOfRangeException(nameof(percentile), percentile, $"Percentile {percentile} received; expected a number from 0 to 100.");
}
