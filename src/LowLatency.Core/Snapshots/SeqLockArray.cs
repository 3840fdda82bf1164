using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// A fixed number of independent <see cref="SeqLock{T}"/>-style slots in one pinned block,
/// indexed by an integer (an instrument id): each slot has its own version and its own
/// 128-byte aligned region, so writing one never disturbs readers of another.
/// </summary>
/// <remarks>
/// The building block of the snapshot caches: one writer per slot (in practice the cache
/// consumer thread writes all of them), any number of readers, no locks and no allocation
/// after construction. Reads return only validated copies; see <see cref="SeqLock{T}"/> for
/// the rules on open writes.
/// </remarks>
/// <typeparam name="T">The unmanaged value stored in each slot.</typeparam>
public sealed unsafe class SeqLockArray<T> where T : unmanaged
{
    private readonly byte[] _owner;
    private readonly byte* _first;
    private readonly nint _stride;
    private readonly int _length;
    private readonly string _indexName;

    /// <summary>Creates <paramref name="length"/> slots, each holding <c>default(T)</c> at version 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below 1, or the slots do not fit in one array.</exception>
    public SeqLockArray(int length)
        : this(length, "Slot index")
    {
    }

    /// <summary>Creates the slots of a cache whose index has a domain name (for error messages).</summary>
    internal SeqLockArray(int length, string indexName)
    {
        if (length < 1)
            SeqLockThrow.NotPositive(length, nameof(length));
        _stride = SeqLockCell<T>.Stride;
        _length = length;
        _indexName = indexName;
        _first = CacheLineMemory.AllocateAligned(checked(_stride * length), out _owner, nameof(SeqLockArray<T>));
    }

    /// <summary>Number of slots.</summary>
    public int Length => _length;

    /// <summary>Bytes each slot occupies: the slot rounded up to whole 128-byte regions.</summary>
    public int SlotBytes => (int)_stride;

    /// <summary>The slot's version: 0 never written, odd while a write is open, +2 per completed write.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public long GetVersion(int index) => Volatile.Read(ref Cell(index)->Version);

    /// <summary>Replaces the value of slot <paramref name="index"/> (its writer thread only).</summary>
    /// <exception cref="InvalidOperationException">Another write to this slot is open.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(int index, in T value) => Cell(index)->Write(value);

    /// <summary>Opens an in-place write of slot <paramref name="index"/>; dispose the scope to publish it.</summary>
    /// <exception cref="InvalidOperationException">Another write to this slot is open.</exception>
    public SeqLockWriteScope<T> BeginWrite(int index)
    {
        SeqLockCell<T>* cell = Cell(index);
        return new SeqLockWriteScope<T>(ref cell->Version, ref cell->Value);
    }

    /// <summary>Returns a validated copy of slot <paramref name="index"/>, retrying while writes overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read(int index) => Cell(index)->Read(out _);

    /// <summary>Returns a validated copy of slot <paramref name="index"/>, retrying while writes overlap, and the version it was taken at.</summary>
    /// <param name="index">The slot.</param>
    /// <param name="version">The version of the copy (0: never written).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read(int index, out long version) => Cell(index)->Read(out version);

    /// <summary>
    /// Copies a validated value of slot <paramref name="index"/> straight into
    /// <paramref name="value"/>, retrying while writes overlap. Prefer it to <see cref="Read(int)"/>
    /// for values of more than about 64 bytes, which the JIT copies through memory (up to three
    /// times) when they are returned by value.
    /// </summary>
    /// <returns>The version of the copy (0: never written).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadInto(int index, out T value) => Cell(index)->ReadInto(out value);

    /// <summary>One wait-free attempt: true with a validated copy, or false with <c>default</c> when a write overlapped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(int index, out T value) => Cell(index)->TryRead(out value, 1);

    /// <summary>Up to <paramref name="maxAttempts"/> attempts (spinning and yielding in between, never sleeping).</summary>
    /// <returns>True with a validated copy, or false with <c>default</c> when every attempt overlapped a write.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> is below 1.</exception>
    public bool TryRead(int index, out T value, int maxAttempts)
    {
        if (maxAttempts < 1)
            SeqLockThrow.NotPositive(maxAttempts, nameof(maxAttempts));
        return Cell(index)->TryRead(out value, maxAttempts);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SeqLockCell<T>* Cell(int index)
    {
        if ((uint)index >= (uint)_length)
            SeqLockThrow.IndexOutOfRange(index, _length, _indexName);
        return (SeqLockCell<T>*)(_first + index * _stride);
    }
}
