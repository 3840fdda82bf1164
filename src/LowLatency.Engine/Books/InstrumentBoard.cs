using System.Runtime.CompilerServices;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Books;

namespace LowLatency.Engine.Books;

/// <summary>
/// What the cache consumer publishes about each instrument besides the snapshots: the receive time
/// of each channel's last update, the book's quality, why it last resynchronised, and its counters.
/// </summary>
/// <remarks>
/// Written by the cache consumer thread only (plain values with release semantics), read by any
/// thread (the quality monitor, the data feed, metrics). Every field is one aligned 64-bit or
/// 32-bit value, so readers never see a torn one; they may see one that is a message old, which
/// is all freshness checks need.
/// </remarks>
internal sealed class InstrumentBoard
{
    private const int NoBook = -1;

    private readonly long[] _lastUpdate;
    private readonly int[] _bookQuality;
    private readonly int[] _resyncReason;
    private readonly long[] _resyncs;
    private readonly long[] _checksumFailures;
    private readonly long[] _gaps;

    public InstrumentBoard(int capacity)
    {
        Capacity = capacity;
        _lastUpdate = new long[capacity * TrackedChannels.Count];
        _bookQuality = new int[capacity];
        _bookQuality.AsSpan().Fill(NoBook);
        _resyncReason = new int[capacity];
        _resyncReason.AsSpan().Fill(-1);
        _resyncs = new long[capacity];
        _checksumFailures = new long[capacity];
        _gaps = new long[capacity];
    }

    public int Capacity { get; }

    /// <summary>Receive timestamp (Stopwatch ticks) of the last update of a channel; 0 when none arrived.</summary>
    public long LastUpdate(int instrumentId, int channel) => Volatile.Read(ref _lastUpdate[instrumentId * TrackedChannels.Count + channel]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Touch(int instrumentId, int channel, long receiveTimestamp) =>
        Volatile.Write(ref _lastUpdate[instrumentId * TrackedChannels.Count + channel], receiveTimestamp);

    /// <summary>The book's quality, or null when the instrument has no book yet.</summary>
    public BookQuality? BookQuality(int instrumentId)
    {
        int value = Volatile.Read(ref _bookQuality[instrumentId]);
        return value == NoBook ? null : (BookQuality)value;
    }

    public void SetBookQuality(int instrumentId, BookQuality quality) => Volatile.Write(ref _bookQuality[instrumentId], (int)quality);

    /// <summary>Why the book last asked for a snapshot, or null when it never did.</summary>
    public ResyncReason? LastResyncReason(int instrumentId)
    {
        int value = Volatile.Read(ref _resyncReason[instrumentId]);
        return value < 0 ? null : (ResyncReason)value;
    }

    public void SetResyncReason(int instrumentId, ResyncReason reason) => Volatile.Write(ref _resyncReason[instrumentId], (int)reason);

    public void SetCounters(int instrumentId, BookCounters counters)
    {
        Volatile.Write(ref _resyncs[instrumentId], counters.Resyncs);
        Volatile.Write(ref _checksumFailures[instrumentId], counters.ChecksumFailed);
        Volatile.Write(ref _gaps[instrumentId], counters.Gaps);
    }

    public long Resyncs(int instrumentId) => Volatile.Read(ref _resyncs[instrumentId]);

    public long ChecksumFailures(int instrumentId) => Volatile.Read(ref _checksumFailures[instrumentId]);

    public long Gaps(int instrumentId) => Volatile.Read(ref _gaps[instrumentId]);

    /// <summary>Sums of the book counters over every instrument.</summary>
    public (long Resyncs, long ChecksumFailures, long Gaps) Totals()
    {
        long resyncs = 0, checksums = 0, gaps = 0;
        for (int i = 0; i < Capacity; i++)
        {
            resyncs += Volatile.Read(ref _resyncs[i]);
            checksums += Volatile.Read(ref _checksumFailures[i]);
            gaps += Volatile.Read(ref _gaps[i]);
        }
        return (resyncs, checksums, gaps);
    }
}
