using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// A single-writer, lock-free-reader cell holding one <typeparamref name="T"/>: the writer never
/// waits, readers never block the writer and only ever see complete values.
/// </summary>
/// <remarks>
/// <para>The writer makes the version odd, writes, and makes it even again; a reader keeps a copy
/// only if the version was even before it and unchanged after it. Every read API returns only
/// such validated copies; there is no way to reach the slot's memory while a write may be in
/// progress. A read costs a version load, a copy and a second version load: a few
/// nanoseconds for a 64-byte value, and no shared-memory writes, so readers on many cores do
/// not slow each other down.</para>
/// <para>The slot sits alone in 128-byte aligned, pinned memory. Exactly one thread may write at
/// a time; an overlapping second writer is detected on a best-effort basis and throws.</para>
/// <para>Readers spin while a write is open; a writer that never closes its
/// <see cref="SeqLockWriteScope{T}"/> therefore stalls <see cref="Read()"/> (use
/// <see cref="TryRead(out T, int)"/> where that matters), and a writer must not call
/// <see cref="Read()"/> from inside its own open scope.</para>
/// </remarks>
/// <typeparam name="T">An unmanaged value type: copying it can never expose a torn object reference.</typeparam>
public sealed unsafe class SeqLock<T> where T : unmanaged
{
    private readonly byte[] _owner;
    private readonly SeqLockCell<T>* _cell;

    /// <summary>Creates a cell holding <c>default(T)</c> at version 0.</summary>
    public SeqLock()
    {
        _cell = (SeqLockCell<T>*)CacheLineMemory.AllocateAligned(SeqLockCell<T>.Stride, out _owner, nameof(SeqLock<T>));
    }

    /// <summary>
    /// Even when stable, odd while a write is open; 0 means never written, and each completed
    /// write adds 2. Cheap to poll for "has anything changed since version v".
    /// </summary>
    public long Version => Volatile.Read(ref _cell->Version);

    /// <summary>Replaces the value (writer thread only).</summary>
    /// <exception cref="InvalidOperationException">Another write to this cell is open.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(in T value) => _cell->Write(value);

    /// <summary>Opens an in-place write (writer thread only); dispose the scope to publish it.</summary>
    /// <exception cref="InvalidOperationException">Another write to this cell is open.</exception>
    public SeqLockWriteScope<T> BeginWrite() => new(ref _cell->Version, ref _cell->Value);

    /// <summary>Returns a validated copy of the value, retrying (spin, then yield) while writes overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read() => _cell->Read(out _);

    /// <summary>Returns a validated copy of the value, retrying while writes overlap, and the version it was taken at.</summary>
    /// <param name="version">The version of the copy (0: never written).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read(out long version) => _cell->Read(out version);

    /// <summary>
    /// Copies a validated value straight into <paramref name="value"/>, retrying while writes
    /// overlap. Prefer it to <see cref="Read()"/> for values of more than about 64 bytes, which
    /// the JIT copies through memory (up to three times) when they are returned by value.
    /// </summary>
    /// <returns>The version of the copy (0: never written).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadInto(out T value) => _cell->ReadInto(out value);

    /// <summary>One wait-free attempt: true with a validated copy, or false with <c>default</c> when a write overlapped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out T value) => _cell->TryRead(out value, 1);

    /// <summary>Up to <paramref name="maxAttempts"/> attempts (spinning and yielding in between, never sleeping).</summary>
    /// <returns>True with a validated copy, or false with <c>default</c> when every attempt overlapped a write.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> is below 1.</exception>
    public bool TryRead(out T value, int maxAttempts)
    {
        if (maxAttempts < 1)
            SeqLockThrow.NotPositive(maxAttempts, nameof(maxAttempts));
        return _cell->TryRead(out value, maxAttempts);
    }
}
