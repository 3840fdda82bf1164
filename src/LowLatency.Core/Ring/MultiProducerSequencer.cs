using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// The sequencer for a ring shared by several publishing threads: a claim is an atomic add on
/// the cursor, and each slot's publication is recorded in an availability buffer, so producers
/// that finish out of order never expose a slot that is still being written.
/// </summary>
/// <remarks>
/// The availability buffer holds, per slot, the lap number (sequence / ring size) of the last
/// publication into it; a sequence is published when its slot holds its lap. Consumers read the
/// longest contiguous published run (<see cref="GetHighestPublishedSequence"/>). Costs one atomic
/// instruction per claim against <see cref="SingleProducerSequencer"/>'s none; use it only when the
/// ring really has several producers.
/// </remarks>
public sealed class MultiProducerSequencer : Sequencer
{
    private static readonly int AvailabilityPadding = 2 * PaddedLong.PaddingBytes / sizeof(int);

    private readonly Sequence _gatingCache = new();
    private readonly int[] _available;
    private readonly int _indexMask;
    private readonly int _indexShift;

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two).</summary>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        // Padding on both ends keeps the flags off the cache lines of whatever the GC puts next.
        _available = new int[bufferSize + 2 * AvailabilityPadding];
        _available.AsSpan().Fill(-1);
        _indexMask = bufferSize - 1;
        _indexShift = int.Log2(bufferSize);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next() => Claim(1);

    /// <inheritdoc />
    public override long Next(int n)
    {
        CheckBatchSize(n);
        return Claim(n);
    }

    /// <inheritdoc />
    public override bool TryNext(out long sequence) => TryClaim(1, out sequence);

    /// <inheritdoc />
    public override bool TryNext(int n, out long highSequence)
    {
        CheckBatchSize(n);
        return TryClaim(n, out highSequence);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        SetAvailable(sequence);
        SignalConsumers();
    }

    /// <inheritdoc />
    public override void Publish(long low, long high)
    {
        for (long sequence = low; sequence <= high; sequence++)
            SetAvailable(sequence);
        SignalConsumers();
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool IsAvailable(long sequence) =>
        Volatile.Read(ref Flag(sequence)) == (int)(sequence >>> _indexShift);

    /// <inheritdoc />
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence)
    {
        for (long sequence = lowerBound; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
                return sequence - 1;
        }
        return availableSequence;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Claim(int n)
    {
        long next = Cursor.AddAndGet(n);
        long current = next - n;
        long wrapPoint = next - BufferSize;
        long cached = _gatingCache.Value;
        if (wrapPoint > cached || cached > current)
            WaitForCapacity(wrapPoint, current);
        return next;
    }

    private bool TryClaim(int n, out long highSequence)
    {
        long current;
        long next;
        do
        {
            current = Cursor.Value;
            next = current + n;
            if (!HasCapacity(next - BufferSize, current))
            {
                highSequence = Sequence.InitialValue;
                return false;
            }
        }
        while (!Cursor.CompareAndSet(current, next));
        highSequence = next;
        return true;
    }

    private bool HasCapacity(long wrapPoint, long current)
    {
        long cached = _gatingCache.Value;
        if (wrapPoint > cached || cached > current)
        {
            long minimum = GetMinimum(Volatile.Read(ref GatingSequences), current);
            _gatingCache.SetValue(minimum);
            return wrapPoint <= minimum;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint, long current)
    {
        var backoff = default(ProducerBackoff);
        long minimum;
        while (wrapPoint > (minimum = GetMinimum(Volatile.Read(ref GatingSequences), current)))
            backoff.Wait();
        _gatingCache.SetValue(minimum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence) => Volatile.Write(ref Flag(sequence), (int)(sequence >>> _indexShift));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Flag(long sequence) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_available), AvailabilityPadding + ((int)sequence & _indexMask));
}
