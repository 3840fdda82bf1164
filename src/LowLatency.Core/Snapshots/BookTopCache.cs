namespace LowLatency.Core.Snapshots;

/// <summary>
/// Latest <see cref="BookTopSnapshot"/> (top 10 levels per side) per instrument id, preallocated
/// for a fixed number of instruments. One writer (the cache consumer), lock-free readers.
/// </summary>
/// <remarks>
/// A slot is 384 bytes (three 128-byte regions), so a reader copies the whole top in a handful
/// of cache lines. The writer normally fills the slot in place through <see cref="BeginUpdate"/>,
/// copying straight from its full-depth book. Readers allocate nothing.
/// </remarks>
public sealed class BookTopCache
{
    private readonly SeqLockArray<BookTopSnapshot> _slots;

    /// <summary>Creates a cache for instrument ids 0 to <paramref name="instrumentCapacity"/> - 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentCapacity"/> is below 1.</exception>
    public BookTopCache(int instrumentCapacity)
    {
        _slots = new SeqLockArray<BookTopSnapshot>(instrumentCapacity, "Instrument id");
    }

    /// <summary>Number of instrument ids this cache holds.</summary>
    public int InstrumentCapacity => _slots.Length;

    /// <summary>Replaces the book top of <paramref name="instrumentId"/> (writer thread only).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public void Update(int instrumentId, in BookTopSnapshot snapshot) => _slots.Write(instrumentId, snapshot);

    /// <summary>Opens an in-place update of <paramref name="instrumentId"/> (writer thread only); dispose the scope to publish.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public SeqLockWriteScope<BookTopSnapshot> BeginUpdate(int instrumentId) => _slots.BeginWrite(instrumentId);

    /// <summary>
    /// Flags the book of <paramref name="instrumentId"/> as <see cref="BookDataState.Stale"/>
    /// (writer thread only), keeping its last levels and times, so readers stop trusting it until
    /// the next resynchronised update.
    /// </summary>
    public void MarkStale(int instrumentId)
    {
        using var scope = _slots.BeginWrite(instrumentId);
        scope.Value.State = BookDataState.Stale;
    }

    /// <summary>Copies the latest book top of <paramref name="instrumentId"/>.</summary>
    /// <returns>True with a consistent snapshot; false with <c>default</c> when the instrument was never written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    public bool TryGet(int instrumentId, out BookTopSnapshot snapshot) => _slots.ReadInto(instrumentId, out snapshot) != 0;

    /// <summary>The slot version of <paramref name="instrumentId"/>: unchanged means no update since it was read.</summary>
    public long GetVersion(int instrumentId) => _slots.GetVersion(instrumentId);
}
