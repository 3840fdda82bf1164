using System.Diagnostics;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Snapshots;

namespace LowLatency.Benchmarks.Scenarios.Seqlock;

/// <summary>
/// <c>seqlock.read.uncontended</c>: ns per read of a 64-byte snapshot with no writer running,
/// our <see cref="SeqLock{T}"/> against a copy under <see cref="ReaderWriterLockSlim"/>'s read
/// lock (what a .NET user reaches for to share a struct between threads).
/// </summary>
/// <remarks>
/// Measured as total loop time / reads (one Stopwatch pair per round, so timer cost is
/// negligible). Both loops do the same work with the copy (sum all eight fields into a sink, so the whole 64 bytes is really copied).
/// </remarks>
public sealed class SeqlockReadUncontendedScenario : ICompareScenario
{
    private SeqLock<Snapshot64> _seqLock = null!;
    private ReaderWriterLockSlim _readerWriterLock = null!;
    private Snapshot64 _lockedValue;
    private long _oursReads;
    private long _peerReads;
    private long _sink;

    public string Name => "seqlock.read.uncontended";
    public string Unit => "ns/read";
    public bool HigherIsBetter => false;
    public string? Peer => "ReaderWriterLockSlim";

    public void Setup(CompareContext context)
    {
        _seqLock = new SeqLock<Snapshot64>();
        _seqLock.Write(Snapshot64.For(1));
        _readerWriterLock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
        _lockedValue = Snapshot64.For(1);
        _oursReads = context.Size(50_000_000L, 250_000_000L);
        _peerReads = context.Size(8_000_000L, 40_000_000L);
    }

    public RoundResult RunOurs()
    {
        SeqLock<Snapshot64> seqLock = _seqLock;
        long reads = _oursReads;
        long sink = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (long i = 0; i < reads; i++)
        {
            Snapshot64 value = seqLock.Read();
            sink += value.FieldSum();
        }
        long elapsed = Stopwatch.GetTimestamp() - start;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        _sink += sink;
        return new RoundResult(NanosecondsPerRead(elapsed, reads), reads, allocated);
    }

    public RoundResult RunPeer()
    {
        ReaderWriterLockSlim readerWriterLock = _readerWriterLock;
        long reads = _peerReads;
        long sink = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (long i = 0; i < reads; i++)
        {
            Snapshot64 value;
            readerWriterLock.EnterReadLock();
            try
            {
                value = _lockedValue;
            }
            finally
            {
                readerWriterLock.ExitReadLock();
            }
            sink += value.FieldSum();
        }
        long elapsed = Stopwatch.GetTimestamp() - start;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        _sink += sink;
        return new RoundResult(NanosecondsPerRead(elapsed, reads), reads, allocated);
    }

    public void Cleanup()
    {
        _readerWriterLock?.Dispose();
        GC.KeepAlive(_sink);
    }

    private static double NanosecondsPerRead(long elapsedTicks, long reads) =>
        elapsedTicks * (1_000_000_000.0 / Stopwatch.Frequency) / reads;
}
