using System.Runtime.CompilerServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// What a consumer waits on: the producer's cursor (first consumers) or the sequences of the
/// consumers it runs after, through the ring's wait strategy; alerted to stop waiting at shutdown.
/// </summary>
/// <remarks>
/// <see cref="WaitFor"/> returns the highest sequence the consumer may read, so one wait can
/// hand over a whole batch. On a multi-producer ring a claimed sequence may not be written yet;
/// a barrier on the cursor therefore returns only the contiguous published run.
/// </remarks>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly Sequence? _dependency;
    private readonly Sequence[]? _dependencies;
    private readonly bool _checkPublished;
    private int _alerted;

    internal SequenceBarrier(Sequencer sequencer, IWaitStrategy waitStrategy, Sequence[] dependencies)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        if (dependencies.Length == 0)
        {
            _dependency = sequencer.Cursor;
            _checkPublished = sequencer is MultiProducerSequencer;
        }
        else if (dependencies.Length == 1)
        {
            _dependency = dependencies[0];
        }
        else
        {
            _dependencies = dependencies;
        }
    }

    /// <summary>The producer's cursor (on a multi-producer ring, the highest claimed sequence).</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <summary>The value the consumer may advance to: the cursor, or the slowest consumer it depends on.</summary>
    public long DependentValue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _dependency is not null ? _dependency.Value : Sequencer.GetMinimum(_dependencies!, long.MaxValue);
    }

    /// <summary>True once <see cref="Alert"/> was called and until <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _alerted) != 0;
    }

    /// <summary>Waits until <paramref name="sequence"/> is available or the barrier is alerted.</summary>
    /// <returns>
    /// The highest sequence that can be read (≥ <paramref name="sequence"/>), or a smaller value
    /// when the barrier is alerted.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long WaitFor(long sequence)
    {
        if (IsAlerted)
            return sequence - 1;
        long available = _waitStrategy.WaitFor(sequence, this);
        if (available < sequence || !_checkPublished)
            return available;
        return HighestPublished(sequence, available);
    }

    /// <summary>Makes waiting consumers return from <see cref="WaitFor"/> (shutdown), waking sleeping ones.</summary>
    public void Alert()
    {
        Volatile.Write(ref _alerted, 1);
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert so the barrier can be waited on again.</summary>
    public void ClearAlert() => Volatile.Write(ref _alerted, 0);

    private long HighestPublished(long sequence, long available)
    {
        // The cursor of a multi-producer ring counts claims; a producer between its claim and its
        // publication holds the run back only briefly, so back off without sleeping.
        var spin = default(SpinWait);
        while (true)
        {
            long highest = _sequencer.GetHighestPublishedSequence(sequence, available);
            if (highest >= sequence)
                return highest;
            if (IsAlerted)
                return sequence - 1;
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
