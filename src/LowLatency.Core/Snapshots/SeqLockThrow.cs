using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>Throw helpers for the snapshot caches, kept out of line so the fast paths stay small.</summary>
internal static class SeqLockThrow
{
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteAlreadyOpen(long version) =>
        throw new InvalidOperationException(
            $"A seqlock write is already open (version {version} is odd); expected a closed slot (even version). " +
            "Close the previous write scope before starting another: a seqlock has exactly one writer.");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ConcurrentWriter(long version) =>
        throw new InvalidOperationException(
            $"Another thread changed the seqlock version while a write was being opened at version {version}; " +
            "expected a single writer per slot.");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ScopeClosed() =>
        throw new InvalidOperationException(
            "The seqlock write scope is closed (disposed, or never opened); expected an open scope from BeginWrite. " +
            "Writing through a closed scope would publish data readers cannot validate.");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void IndexOutOfRange(int index, int length, string what) =>
        throw new ArgumentOutOfRangeException(nameof(index), index,
            $"{what} {index} is out of range; expected 0 to {length - 1} (capacity {length}).");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotPositive(int value, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} {value} received; expected at least 1.");
}
