using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// The version protocol shared by every seqlock in this folder: one place holds the memory
/// ordering argument.
/// </summary>
/// <remarks>
/// <para>Writer: the version goes to odd with an interlocked compare-exchange (a full fence, so
/// none of the data stores that follow can become visible before readers see "odd"), the data
/// is written with plain stores, and the version goes to the next even number with a release
/// write (so every data store is visible before readers see "even").</para>
/// <para>Reader: an acquire read of the version (no data load moves above it), a plain copy of
/// the data, <see cref="Volatile.ReadBarrier"/> (no data load moves below it), then a second
/// read of the version. Equal and even means no write overlapped the copy. This is the .NET
/// memory model, not x64's stronger one, so it holds on ARM64.</para>
/// <para>Compare-exchange rather than exchange costs the same and turns an overlapping second
/// writer into an exception instead of silent corruption (best effort: the contract stays
/// single-writer).</para>
/// </remarks>
internal static class SeqLockProtocol
{
    /// <summary>Opens a write; returns the odd version that the matching <see cref="EndWrite"/> must close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BeginWrite(ref long version)
    {
        // Only the writer moves the version, so its own read is current.
        long current = version;
        if ((current & 1) != 0)
            SeqLockThrow.WriteAlreadyOpen(current);
        if (Interlocked.CompareExchange(ref version, current + 1, current) != current)
            SeqLockThrow.ConcurrentWriter(current);
        return current + 1;
    }

    /// <summary>Closes the write opened at <paramref name="openVersion"/> and publishes the data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EndWrite(ref long version, long openVersion) => Volatile.Write(ref version, openVersion + 1);

    /// <summary>Starts a read attempt: true when no write is open, with the version to validate against.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryBeginRead(ref long version, out long observed)
    {
        observed = Volatile.Read(ref version);
        return (observed & 1) == 0;
    }

    /// <summary>Ends a read attempt: true when no write overlapped the copy made since <see cref="TryBeginRead"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Validate(ref long version, long observed)
    {
        Volatile.ReadBarrier();
        return Volatile.Read(ref version) == observed;
    }
}
