namespace LowLatency.Core.Snapshots;

/// <summary>
/// Latest <see cref="TickerSnapshot"/> per instrument id, preallocated for a fixed number of
/// instruments. One writer (the cache consumer), lock-free readers on any thread.
/// </summary>
/// <remarks>
/// Each instrument has its own seqlock slot (128 bytes), so updates to one instrument never make
/// readers of another retry. Readers allocate nothing.
/// </remarks>
public sealed class TickerCache
{
    private readonly SeqLockArray<TickerSnapshot> _slots;

    /// <summary>Creates a cache for instrument ids 0 to <paramref name="instrumentCapacity"/> - 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentCapacity"/> is below 1.</exception>
    public TickerCache(int instrumentCapacity)
    {
        _slots = new SeqLockArray<TickerSnapshot>(instrumentCapacity, "Instrument id");
    }

    /// <summary>Number of instrument ids this cache holds.</summary>
    public int InstrumentCapacity => _slots.Length;

    /// <summary>Replaces the ticker of <paramref name="instrumentId"/> (writer thread only).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public void Update(int instrumentId, in TickerSnapshot snapshot) => _slots.Write(instrumentId, snapshot);

    /// <summary>
    /// Opens an in-place update of <paramref name="instrumentId"/> (writer thread only), for
    /// changing a few fields, e.g. only the best bid and ask. Dispose the scope to publish.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public SeqLockWriteScope<TickerSnapshot> BeginUpdate(int instrumentId) => _slots.BeginWrite(instrumentId);

    /// <summary>Copies the latest ticker of <paramref name="instrumentId"/>.</summary>
    /// <returns>True with a consistent snapshot; false with <c>default</c> when the instrument was never written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public bool TryGet(int instrumentId, out TickerSnapshot snapshot) => _slots.ReadInto(instrumentId, out snapshot) != 0;

    /// <summary>The slot version of <paramref name="instrumentId"/>: unchanged means no update since it was read.</summary>
    public long GetVersion(int instrumentId) => _slots.GetVersion(instrumentId);
}
