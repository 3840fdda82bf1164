namespace LowLatency.Feeds.Books;

/// <summary>Data-quality counters of one book (written by the owning thread only).</summary>
public sealed class BookCounters
{
    /// <summary>Snapshots applied.</summary>
    public long Snapshots { get; internal set; }

    /// <summary>Update messages applied.</summary>
    public long UpdatesApplied { get; internal set; }

    /// <summary>Update messages dropped as already covered by the book (older than the snapshot, duplicates).</summary>
    public long UpdatesDropped { get; internal set; }

    /// <summary>Update messages held while waiting for a snapshot.</summary>
    public long UpdatesBuffered { get; internal set; }

    /// <summary>Sequence gaps (a message that does not chain, or a snapshot nothing bridged).</summary>
    public long Gaps { get; internal set; }

    /// <summary>Times the book entered <see cref="BookQuality.Resyncing"/> or <see cref="BookQuality.Stale"/> after having been synced.</summary>
    public long Resyncs { get; internal set; }

    /// <summary>Snapshot requests made (including the initial one for REST snapshots).</summary>
    public long SnapshotRequests { get; internal set; }

    /// <summary>Checksums that matched.</summary>
    public long ChecksumOk { get; internal set; }

    /// <summary>Checksums that did not match.</summary>
    public long ChecksumFailed { get; internal set; }

    /// <summary>Times the book was found crossed.</summary>
    public long Crossed { get; internal set; }

    /// <summary>Best-bid-offers compared with the book's top.</summary>
    public long CrossChecksCompared { get; internal set; }

    /// <summary>Best-bid-offers equal to the book's top.</summary>
    public long CrossChecksMatched { get; internal set; }

    /// <summary>Times the wait buffer overflowed and was discarded.</summary>
    public long BufferOverflows { get; internal set; }

    /// <summary>Transport gaps (reconnects, ring overruns) that made the book stale.</summary>
    public long StaleMarks { get; internal set; }
}
