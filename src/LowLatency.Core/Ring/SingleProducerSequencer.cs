using System.Runtime.CompilerServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// The sequencer for a ring with one publishing thread: claims are plain reads and writes of
/// producer-private state, and publication is one release write of the cursor.
/// </summary>
/// <remarks>
/// The default (one connection, one reader thread per ring). Calling it from more than one thread
/// at a time corrupts the ring; use <see cref="MultiProducerSequencer"/> for that. The producer
/// rereads the consumers' sequences only when a claim would pass its cached minimum, so in steady
/// state a claim touches no shared cache line.
/// </remarks>
public sealed class SingleProducerSequencer : Sequencer
{
    private ProducerFields _producer;

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two).</summary>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _producer.Claimed = Sequence.InitialValue;
        _producer.CachedGating = Sequence.InitialValue;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next()
    {
        long current = _producer.Claimed;
        long next = current + 1;
        long cached = _producer.CachedGating;
        if (next - BufferSize > cached || cached > current)
            WaitForCapacity(next - BufferSize, current);
        _producer.Claimed = next;
        return next;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next(int n)
    {
        CheckBatchSize(n);
        long current = _producer.Claimed;
        long next = current + n;
        long cached = _producer.CachedGating;
        if (next - BufferSize > cached || cached > current)
            WaitForCapacity(next - BufferSize, current);
        _producer.Claimed = next;
        return next;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool TryNext(out long sequence)
    {
        long next = _producer.Claimed + 1;
        if (!HasCapacity(1))
        {
            sequence = Sequence.InitialValue;
            return false;
        }
        _producer.Claimed = next;
        sequence = next;
        return true;
    }

    /// <inheritdoc />
    public override bool TryNext(int n, out long highSequence)
    {
        CheckBatchSize(n);
        if (!HasCapacity(n))
        {
            highSequence = Sequence.InitialValue;
            return false;
        }
        highSequence = _producer.Claimed + n;
        _producer.Claimed = highSequence;
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        Cursor.SetValue(sequence);
        SignalConsumers();
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long low, long high) => Publish(high);

    /// <inheritdoc />
    public override bool IsAvailable(long sequence)
    {
        long cursor = Cursor.Value;
        return sequence <= cursor && sequence > cursor - BufferSize;
    }

    /// <inheritdoc />
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence) => availableSequence;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HasCapacity(int n)
    {
        long current = _producer.Claimed;
        long wrapPoint = current + n - BufferSize;
        long cached = _producer.CachedGating;
        if (wrapPoint > cached || cached > current)
        {
            long minimum = GetMinimum(Volatile.Read(ref GatingSequences), current);
            _producer.CachedGating = minimum;
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
        _producer.CachedGating = minimum;
    }
}
