using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// A pre-allocated ring of <typeparamref name="T"/> events (Disruptor pattern): producers claim a
/// sequence, write the event in place through <see cref="this[long]"/>, and publish it; consumers
/// (<see cref="BatchEventProcessor{T, THandler}"/>) read it in place. Nothing is copied or
/// allocated per event.
/// </summary>
/// <typeparam name="T">The event: a struct, written and read by reference.</typeparam>
/// <remarks>
/// <para>
/// Producer API: <see cref="Next()"/>/<see cref="Next(int)"/> always wait for room;
/// <see cref="TryNext(out long)"/>/<see cref="TryNext(int, out long)"/> never wait and never count
/// anything; <see cref="TryClaim(out long)"/>/<see cref="TryClaim(int, out long)"/> apply the ring's
/// <see cref="FullRingPolicy"/> (wait with <see cref="FullRingPolicy.Block"/>; drop, count and flag
/// with <see cref="FullRingPolicy.DropAndFlagGap"/>). Every claimed sequence must be written and
/// then published with <see cref="Publish(long)"/> or <see cref="Publish(long, long)"/>.
/// </para>
/// <para>
/// Gaps: with <see cref="FullRingPolicy.DropAndFlagGap"/>, a failed <see cref="TryClaim(out long)"/>
/// adds the events it would have claimed to <see cref="OverrunCount"/> and to a pending count that
/// the next publication takes: that event's slot records it (<see cref="LostBefore"/>, which a
/// handler can query for the sequence it is given and which
/// <see cref="BatchEventProcessor{T, THandler}"/> counts), and the ring's
/// <see cref="IGapMarker{T}"/>, if any, writes it into the event itself. With several producers the
/// count goes to whichever producer publishes next, so the flag may land a few events after the
/// drop, never before it and never on nothing. Drops after the last publication show only in
/// <see cref="OverrunCount"/> until something is published again.
/// </para>
/// </remarks>
public sealed class RingBuffer<T>
    where T : struct
{
    private static readonly int SlotPadding = (2 * PaddedLong.PaddingBytes + Unsafe.SizeOf<RingSlot<T>>() - 1) / Unsafe.SizeOf<RingSlot<T>>();

    private readonly RingSlot<T>[] _slots;
    private readonly long _mask;
    private readonly Sequencer _sequencer;

    // The concrete sequencer, when single: the hot calls branch on it (predictably) and inline
    // instead of going through the abstract class.
    private readonly SingleProducerSequencer? _singleProducer;
    private readonly bool _dropOnFull;
    private readonly bool _multiProducer;
    private readonly IGapMarker<T>? _gapMarker;
    private LossCounters _loss;

    /// <summary>A single-producer ring of <paramref name="capacity"/> slots that blocks when full.</summary>
    public RingBuffer(int capacity)
        : this(new RingBufferOptions<T> { Capacity = capacity })
    {
    }

    /// <summary>A ring built from <paramref name="options"/>.</summary>
    public RingBuffer(RingBufferOptions<T> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var waitStrategy = options.WaitStrategy ?? new HybridWaitStrategy();
        _sequencer = options.ProducerType switch
        {
            ProducerType.Single => _singleProducer = new SingleProducerSequencer(options.Capacity, waitStrategy),
            ProducerType.Multi => new MultiProducerSequencer(options.Capacity, waitStrategy),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.ProducerType, "Expected ProducerType.Single or ProducerType.Multi."),
        };
        if (options.FullRingPolicy is not (FullRingPolicy.Block or FullRingPolicy.DropAndFlagGap))
            throw new ArgumentOutOfRangeException(nameof(options), options.FullRingPolicy, "Expected FullRingPolicy.Block or FullRingPolicy.DropAndFlagGap.");

        // Padding slots on both ends keep the first and last events off the cache lines of
        // whatever the GC places next to the array.
        _slots = new RingSlot<T>[options.Capacity + 2 * SlotPadding];
        // A large array comes from the OS as untouched pages, which the kernel maps on first write:
        // one page fault per 4 KiB on the producer's hot path during the first lap (about 1,700 for
        // a 65,536-event ring of 96-byte events). Writing every slot now takes those faults here.
        _slots.AsSpan().Clear();
        _mask = options.Capacity - 1;
        Name = options.Name;
        Policy = options.FullRingPolicy;
        ProducerType = options.ProducerType;
        _dropOnFull = options.FullRingPolicy == FullRingPolicy.DropAndFlagGap;
        _multiProducer = options.ProducerType == ProducerType.Multi;
        _gapMarker = options.GapMarker;
    }

    /// <summary>Name used in thread names and logs.</summary>
    public string Name { get; }

    /// <summary>Number of slots.</summary>
    public int Capacity => _sequencer.BufferSize;

    /// <summary>What a producer does on a full ring.</summary>
    public FullRingPolicy Policy { get; }

    /// <summary>One or several publishing threads.</summary>
    public ProducerType ProducerType { get; }

    /// <summary>The sequencer behind this ring (claims, publication, gating).</summary>
    public Sequencer Sequencer => _sequencer;

    /// <summary>The wait strategy consumers of this ring use.</summary>
    public IWaitStrategy WaitStrategy => _sequencer.WaitStrategy;

    /// <summary>The producer cursor (see <see cref="Ring.Sequencer.Cursor"/>).</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <summary>Free slots before a producer would have to wait or drop.</summary>
    public long RemainingCapacity => _sequencer.RemainingCapacity;

    /// <summary>Events dropped on a full ring since creation (<see cref="FullRingPolicy.DropAndFlagGap"/>).</summary>
    public long OverrunCount => Volatile.Read(ref _loss.Total);

    /// <summary>The event in the slot of <paramref name="sequence"/>, by reference.</summary>
    /// <remarks>
    /// Write it only between claiming and publishing <paramref name="sequence"/>; read it only as
    /// a consumer that was handed <paramref name="sequence"/> by its barrier.
    /// </remarks>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Slot(sequence).Event;
    }

    /// <summary>
    /// How many events were dropped (<see cref="FullRingPolicy.DropAndFlagGap"/>) just before the
    /// event at <paramref name="sequence"/>; 0 when none, and always 0 on a ring that blocks.
    /// </summary>
    /// <remarks>Valid for a consumer while it processes <paramref name="sequence"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long LostBefore(long sequence) => Slot(sequence).LostBefore;

    /// <summary>Claims the next sequence, waiting while the ring is full (whatever the policy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _singleProducer is { } single ? single.Next() : _sequencer.Next();

    /// <summary>Claims <paramref name="n"/> contiguous sequences, waiting while the ring lacks room; returns the highest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n) => _singleProducer is { } single ? single.Next(n) : _sequencer.Next(n);

    /// <summary>Claims the next sequence if there is room, without waiting; a failure is not counted as a drop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out long sequence) =>
        _singleProducer is { } single ? single.TryNext(out sequence) : _sequencer.TryNext(out sequence);

    /// <summary>Claims <paramref name="n"/> contiguous sequences if there is room for all, without waiting; a failure is not counted as a drop.</summary>
    public bool TryNext(int n, out long highSequence) => _sequencer.TryNext(n, out highSequence);

    /// <summary>
    /// Claims the next sequence according to <see cref="Policy"/>: waits for room and returns true
    /// (<see cref="FullRingPolicy.Block"/>), or returns false on a full ring after counting the
    /// event as lost, to be flagged on the next publication (<see cref="FullRingPolicy.DropAndFlagGap"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryClaim(out long sequence)
    {
        if (!_dropOnFull)
        {
            sequence = Next();
            return true;
        }
        if (TryNext(out sequence))
            return true;
        CountDropped(1);
        return false;
    }

    /// <summary>
    /// Claims <paramref name="n"/> contiguous sequences according to <see cref="Policy"/>; on a
    /// full ring with <see cref="FullRingPolicy.DropAndFlagGap"/> all <paramref name="n"/> count as lost.
    /// </summary>
    /// <param name="n">Between 1 and <see cref="Capacity"/>.</param>
    /// <param name="highSequence">The highest claimed sequence; the lowest is that minus <paramref name="n"/> plus one.</param>
    public bool TryClaim(int n, out long highSequence)
    {
        if (!_dropOnFull)
        {
            highSequence = _sequencer.Next(n);
            return true;
        }
        if (_sequencer.TryNext(n, out highSequence))
            return true;
        CountDropped(n);
        return false;
    }

    /// <summary>Makes the written event at <paramref name="sequence"/> visible to consumers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_dropOnFull)
        {
            // Every publication writes the count, zeros included: the slot may still hold the
            // count of an earlier lap.
            long lost = TakePendingLoss();
            ref var slot = ref Slot(sequence);
            slot.LostBefore = lost;
            if (lost != 0)
                MarkGap(ref slot.Event, lost);
        }
        if (_singleProducer is { } single)
            single.Publish(sequence);
        else
            _sequencer.Publish(sequence);
    }

    /// <summary>Makes the written events from <paramref name="low"/> to <paramref name="high"/> (inclusive) visible to consumers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long low, long high)
    {
        if (_dropOnFull)
            StampLoss(low, high);
        if (_singleProducer is { } single)
            single.Publish(high);
        else
            _sequencer.Publish(low, high);
    }

    /// <summary>A barrier on the cursor (no dependency) or on upstream consumer sequences.</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependencies) => _sequencer.NewBarrier(dependencies);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref RingSlot<T> Slot(long sequence) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), SlotPadding + (int)(sequence & _mask));

    private void CountDropped(int n)
    {
        if (_multiProducer)
        {
            Interlocked.Add(ref _loss.Pending, n);
            Interlocked.Add(ref _loss.Total, n);
        }
        else
        {
            _loss.Pending += n;
            Volatile.Write(ref _loss.Total, _loss.Total + n);
        }
    }

    private void StampLoss(long low, long high)
    {
        long lost = TakePendingLoss();
        ref var first = ref Slot(low);
        first.LostBefore = lost;
        if (lost != 0)
            MarkGap(ref first.Event, lost);
        for (long sequence = low + 1; sequence <= high; sequence++)
            Slot(sequence).LostBefore = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MarkGap(ref T data, long lost) => _gapMarker?.MarkGap(ref data, lost);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long TakePendingLoss()
    {
        if (_multiProducer)
            return Volatile.Read(ref _loss.Pending) == 0 ? 0 : Interlocked.Exchange(ref _loss.Pending, 0);
        long lost = _loss.Pending;
        if (lost != 0)
            _loss.Pending = 0;
        return lost;
    }
}
