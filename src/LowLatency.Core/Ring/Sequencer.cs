using System.Runtime.CompilerServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// Hands out sequences of a ring to producers, makes them visible to consumers when published,
/// and keeps producers from overtaking the slowest gating consumer.
/// </summary>
/// <remarks>
/// Claims come singly (<see cref="Next()"/>) or as a batch (<see cref="Next(int)"/> returns the
/// highest sequence of <c>n</c> contiguous ones), blocking when the ring is full, or without waiting
/// (<see cref="TryNext(out long)"/>). A producer writes every claimed slot and then publishes it,
/// singly or as a range. Use <see cref="SingleProducerSequencer"/> when one thread publishes and
/// <see cref="MultiProducerSequencer"/> when several do.
/// </remarks>
public abstract class Sequencer
{
    private readonly object _gatingLock = new();

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots.</summary>
    /// <param name="bufferSize">A power of two, at least 1.</param>
    /// <param name="waitStrategy">The strategy consumers of this ring wait with; signalled on publication when it blocks.</param>
    private protected Sequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        if (bufferSize < 1 || !int.IsPow2(bufferSize))
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, $"The ring size must be a power of two ≥ 1; received {bufferSize}.");
        ArgumentNullException.ThrowIfNull(waitStrategy);
        BufferSize = bufferSize;
        WaitStrategy = waitStrategy;
        SignalOnPublish = waitStrategy.IsBlocking;
        GatingSequences = [];
    }

    /// <summary>Number of slots of the ring.</summary>
    public int BufferSize { get; }

    /// <summary>
    /// The producer cursor: the highest published sequence (single producer) or the highest
    /// claimed one (multi producer, where <see cref="IsAvailable"/> tells what is published).
    /// </summary>
    public Sequence Cursor { get; } = new();

    /// <summary>The wait strategy consumers of this ring use.</summary>
    public IWaitStrategy WaitStrategy { get; }

    /// <summary>True when publication must signal the wait strategy (it may have sleepers).</summary>
    private protected bool SignalOnPublish { get; }

    /// <summary>The sequences producers may not overtake by more than the ring size (copy on write).</summary>
    private protected Sequence[] GatingSequences;

    /// <summary>Claims the next sequence, waiting while the ring is full.</summary>
    public abstract long Next();

    /// <summary>Claims <paramref name="n"/> contiguous sequences, waiting while there is no room for them.</summary>
    /// <param name="n">Between 1 and <see cref="BufferSize"/>.</param>
    /// <returns>The highest claimed sequence; the lowest is the result minus <paramref name="n"/> plus one.</returns>
    public abstract long Next(int n);

    /// <summary>Claims the next sequence if the ring has room, without waiting.</summary>
    /// <returns>False when the ring is full; nothing was claimed then.</returns>
    public abstract bool TryNext(out long sequence);

    /// <summary>Claims <paramref name="n"/> contiguous sequences if the ring has room for all of them, without waiting.</summary>
    /// <param name="n">Between 1 and <see cref="BufferSize"/>.</param>
    /// <param name="highSequence">The highest claimed sequence; the lowest is that minus <paramref name="n"/> plus one.</param>
    /// <returns>False when there is not room for <paramref name="n"/>; nothing was claimed then.</returns>
    public abstract bool TryNext(int n, out long highSequence);

    /// <summary>Makes the written slot of <paramref name="sequence"/> visible to consumers.</summary>
    public abstract void Publish(long sequence);

    /// <summary>Makes the written slots from <paramref name="low"/> to <paramref name="high"/> (inclusive) visible to consumers.</summary>
    public abstract void Publish(long low, long high);

    /// <summary>True when <paramref name="sequence"/> has been published and not yet overwritten.</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>
    /// The highest sequence from <paramref name="lowerBound"/> up to <paramref name="availableSequence"/>
    /// such that every sequence up to it is published (lowerBound − 1 when lowerBound is not).
    /// </summary>
    public abstract long GetHighestPublishedSequence(long lowerBound, long availableSequence);

    /// <summary>Free slots: the ring size minus the published events the slowest gating consumer has not processed.</summary>
    public long RemainingCapacity
    {
        get
        {
            long produced = Cursor.Value;
            long consumed = GetMinimum(Volatile.Read(ref GatingSequences), produced);
            return BufferSize - (produced - consumed);
        }
    }

    /// <summary>The slowest gating sequence, or the cursor when there is none.</summary>
    public long GetMinimumGatingSequence() => GetMinimum(Volatile.Read(ref GatingSequences), Cursor.Value);

    /// <summary>
    /// Adds consumer sequences the producers must not overtake (the terminal consumers of a graph).
    /// Each is first set to the cursor, so a consumer added to a running ring starts at the present.
    /// </summary>
    public void AddGatingSequences(params Sequence[] sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        lock (_gatingLock)
        {
            long cursor = Cursor.Value;
            foreach (var sequence in sequences)
                sequence.SetValue(cursor);
            Volatile.Write(ref GatingSequences, [.. GatingSequences, .. sequences]);
        }
    }

    /// <summary>A barrier on the cursor (no dependency) or on the given upstream consumer sequences.</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        return new SequenceBarrier(this, WaitStrategy, [.. dependencies]);
    }

    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> when smaller or when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long GetMinimum(Sequence[] sequences, long minimum)
    {
        foreach (var sequence in sequences)
        {
            long value = sequence.Value;
            if (value < minimum)
                minimum = value;
        }
        return minimum;
    }

    /// <summary>Signals sleeping consumers after a publication, when the strategy may have any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void SignalConsumers()
    {
        if (SignalOnPublish)
            WaitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Validates a batch size for <see cref="Next(int)"/> and <see cref="TryNext(int, out long)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void CheckBatchSize(int n)
    {
        if ((uint)(n - 1) >= (uint)BufferSize)
            ThrowBatchSize(n);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBatchSize(int n) =>
        throw new ArgumentOutOfRangeException(nameof(n), n, $"A claim must be between 1 and the ring size {BufferSize}; received {n}.");
}
