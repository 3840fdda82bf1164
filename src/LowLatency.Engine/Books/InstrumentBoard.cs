using System.Runtime.CompilerServices;
using LowLatency.Core.Instruments;
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
    private readonly long[] _checksumOk;
    private readonly long[] _crossCompared;
    private readonly long[] _crossMatched;
    private readonly int[] _bidLevels;
    private readonly int[] _askLevels;

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
        _checksumOk = new long[capacity];
        _crossCompared = new long[capacity];
        _crossMatched = new long[capacity];
        _bidLevels = new int[capacity];
        _askLevels = new int[capacity];
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

    /// <summary>Publishes the book's depth and counters (cache consumer thread, after each book message).</summary>
    public void SetCounters(int instrumentId, OrderBook book)
    {
        var counters = book.Counters;
        Volatile.Write(ref _resyncs[instrumentId], counters.Resyncs);
        Volatile.Write(ref _checksumFailures[instrumentId], counters.ChecksumFailed);
        Volatile.Write(ref _gaps[instrumentId], counters.Gaps);
        Volatile.Write(ref _checksumOk[instrumentId], counters.ChecksumOk);
        Volatile.Write(ref _crossCompared[instrumentId], counters.CrossChecksCompared);
        Volatile.Write(ref _crossMatched[instrumentId], counters.CrossChecksMatched);
        Volatile.Write(ref _bidLevels[instrumentId], book.Bids.Count);
        Volatile.Write(ref _askLevels[instrumentId], book.Asks.Count);
    }

    /// <summary>The book of <paramref name="instrument"/> as last published.</summary>
    public BookStatus Status(Instrument instrument)
    {
        int id = instrument.Id;
        if ((uint)id >= (uint)Capacity)
            return new BookStatus(instrument, null, 0, 0, 0, 0, 0, 0, 0, 0, null);
        return new BookStatus(instrument, BookQuality(id),
            Volatile.Read(ref _bidLevels[id]), Volatile.Read(ref _askLevels[id]),
            Gaps(id), Resyncs(id), Volatile.Read(ref _checksumOk[id]), ChecksumFailures(id),
            Volatile.Read(ref _crossCompared[id]), Volatile.Read(ref _crossMatched[id]), LastResyncReason(id));
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
