using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// One seqlock slot: the version immediately followed by the value, so a reader touches the
/// fewest cache lines. Lives inside 128-byte aligned memory from <see cref="CacheLineMemory"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SeqLockCell<T> where T : unmanaged
{
    /// <summary>Even: stable, odd: a write is open. Zero: never written. Completed writes = Version / 2.</summary>
    public long Version;

    /// <summary>The protected value; only read through <see cref="Read"/>, <see cref="ReadInto"/> or <see cref="TryRead"/>.</summary>
    public T Value;

    /// <summary>Bytes between consecutive cells: the cell rounded up to whole 128-byte regions.</summary>
    public static nint Stride => CacheLineMemory.RoundUp(Unsafe.SizeOf<SeqLockCell<T>>());

    /// <summary>Replaces the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(in T value)
    {
        long open = SeqLockProtocol.BeginWrite(ref Version);
        Value = value;
        SeqLockProtocol.EndWrite(ref Version, open);
    }

    /// <summary>Returns a validated copy, retrying while writes overlap, with the version it was taken at.</summary>
    /// <remarks>
    /// Returned by value rather than through an <c>out</c> parameter: once inlined, the JIT can then
    /// keep the fields the caller uses in registers instead of storing the copy to the caller's stack.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read(out long version)
    {
        if (SeqLockProtocol.TryBeginRead(ref Version, out long observed))
        {
            T value = Value;
            if (SeqLockProtocol.Validate(ref Version, observed))
            {
                version = observed;
                return value;
            }
        }
        return ReadContended(out version);
    }

    /// <summary>Copies a validated value straight into <paramref name="value"/>, retrying while writes overlap; returns its version.</summary>
    /// <remarks>
    /// For large values: one copy into the caller's storage, where returning by value costs up to
    /// three (slot to temporary, temporary to return buffer, buffer to destination).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadInto(out T value)
    {
        if (SeqLockProtocol.TryBeginRead(ref Version, out long observed))
        {
            value = Value;
            if (SeqLockProtocol.Validate(ref Version, observed))
                return observed;
        }
        return ReadIntoContended(out value);
    }

    /// <summary>
    /// Up to <paramref name="maxAttempts"/> copy attempts. On failure <paramref name="value"/> is
    /// reset to default, so the unvalidated copy never reaches the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out T value, int maxAttempts)
    {
        if (SeqLockProtocol.TryBeginRead(ref Version, out long observed))
        {
            value = Value;
            if (SeqLockProtocol.Validate(ref Version, observed))
                return true;
        }
        return maxAttempts > 1 ? TryReadContended(out value, maxAttempts - 1) : Fail(out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T ReadContended(out long version)
    {
        // SpinWait yields and then sleeps: on a 2-core machine a writer preempted mid-write must get the CPU back.
        var spinner = new SpinWait();
        while (true)
        {
            spinner.SpinOnce();
            if (SeqLockProtocol.TryBeginRead(ref Version, out long observed))
            {
                T value = Value;
                if (SeqLockProtocol.Validate(ref Version, observed))
                {
                    version = observed;
                    return value;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ReadIntoContended(out T value)
    {
        value = ReadContended(out long version);
        return version;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadContended(out T value, int attemptsLeft)
    {
        var spinner = new SpinWait();
        for (; attemptsLeft > 0; attemptsLeft--)
        {
            // Bounded callers want an answer, not a 1 ms sleep: spin and yield, never Sleep(1).
            spinner.SpinOnce(sleep1Threshold: -1);
            if (SeqLockProtocol.TryBeginRead(ref Version, out long observed))
            {
                value = Value;
                if (SeqLockProtocol.Validate(ref Version, observed))
                    return true;
            }
        }
        return Fail(out value);
    }

    private static bool Fail(out T value)
    {
        value = default;
        return false;
    }
}
