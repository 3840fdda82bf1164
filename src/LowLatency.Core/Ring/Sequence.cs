using System.Runtime.CompilerServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// A position in a ring (a producer cursor or a consumer's progress): a <see cref="long"/>
/// padded with 128 bytes on each side so that writers on different cores never share a cache
/// line (or the adjacent line that the prefetcher loads with it).
/// </summary>
/// <remarks>
/// The accessors name their ordering under the .NET memory model, so the code stays correct on
/// ARM64 and not only on x86's stronger ordering: <see cref="Value"/> is an acquire read,
/// <see cref="SetValue"/> a release write (everything written before it, such as an event in a
/// slot, is visible to a thread that acquires the new value), and <see cref="SetValueVolatile"/>
/// a full fence for the rare places that need a store followed by a load to stay in order.
/// </remarks>
public sealed class Sequence
{
    /// <summary>The value of a sequence before anything was published or processed.</summary>
    public const long InitialValue = -1;

    private PaddedLong _value;

    /// <summary>Creates a sequence at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _value.Value = initialValue;

    /// <summary>The current value, read with acquire semantics.</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _value.Value);
    }

    /// <summary>Writes <paramref name="value"/> with release semantics (no full fence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValue(long value) => Volatile.Write(ref _value.Value, value);

    /// <summary>
    /// Writes <paramref name="value"/> with a full fence, so later reads cannot move before the
    /// write (the store/load ordering a Dekker-style handshake needs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValueVolatile(long value) => Interlocked.Exchange(ref _value.Value, value);

    /// <summary>Atomically sets the value to <paramref name="newValue"/> if it equals <paramref name="expected"/>.</summary>
    /// <returns>True when the value was replaced.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSet(long expected, long newValue) =>
        Interlocked.CompareExchange(ref _value.Value, newValue, expected) == expected;

    /// <summary>Atomically adds <paramref name="delta"/> and returns the new value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long AddAndGet(long delta) => Interlocked.Add(ref _value.Value, delta);

    /// <summary>Atomically adds one and returns the new value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long IncrementAndGet() => Interlocked.Increment(ref _value.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
