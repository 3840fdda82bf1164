using System.Buffers;
using System.Runtime.InteropServices;

namespace LowLatency.Replay.Recording;

/// <summary>
/// A bounded single-producer single-consumer queue of messages, each copied into a pooled buffer
/// that stays with its slot: the hand-off from a connection's receive thread to the recorder's
/// writer thread.
/// </summary>
/// <remarks>
/// Lock-free: the producer publishes a slot with a release write of its tail, the consumer frees
/// it with a release write of its head (.NET memory model: <see cref="Volatile"/>; correct on
/// ARM64). Slot buffers grow to the largest message seen and are reused, so the steady state
/// allocates nothing. A stand-in for the engine's ring buffer, which can replace it.
/// </remarks>
internal sealed class RecordingQueue : IDisposable
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private Positions _positions;

    public RecordingQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _slots = new Slot[size];
        for (var i = 0; i < size; i++)
            _slots[i] = new Slot();
        _mask = size - 1;
    }

    /// <summary>Copies <paramref name="message"/> into the next slot; false when the queue is full (producer thread only).</summary>
    public bool TryEnqueue(in ReadOnlySequence<byte> message, long timestamp)
    {
        var tail = _positions.Tail;
        if (tail - Volatile.Read(ref _positions.Head) >= _slots.Length)
            return false;
        var slot = _slots[tail & _mask];
        var length = checked((int)message.Length);
        if (slot.Buffer.Length < length)
            slot.Grow(length);
        message.CopyTo(slot.Buffer);
        slot.Length = length;
        slot.Timestamp = timestamp;
        Volatile.Write(ref _positions.Tail, tail + 1);
        return true;
    }

    /// <summary>The oldest message, or null when empty (consumer thread only); call <see cref="Release"/> when done with it.</summary>
    public Slot? Peek()
    {
        var head = _positions.Head;
        return head == Volatile.Read(ref _positions.Tail) ? null : _slots[head & _mask];
    }

    /// <summary>Frees the slot returned by <see cref="Peek"/> for the producer.</summary>
    public void Release() => Volatile.Write(ref _positions.Head, _positions.Head + 1);

    /// <summary>Gives every slot buffer back to the pool.</summary>
    public void Dispose()
    {
        foreach (var slot in _slots)
            slot.Return();
    }

    /// <summary>One queued message.</summary>
    internal sealed class Slot
    {
        public byte[] Buffer { get; private set; } = [];

        public int Length { get; set; }

        public long Timestamp { get; set; }

        public ReadOnlySpan<byte> Message => Buffer.AsSpan(0, Length);

        public void Grow(int length)
        {
            Return();
            Buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        public void Return()
        {
            if (Buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = [];
        }
    }

    /// <summary>Head (consumer) and tail (producer) on separate cache lines, so the two threads do not share one.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 384)]
    private struct Positions
    {
        [FieldOffset(128)]
        public long Head;

        [FieldOffset(256)]
        public long Tail;
    }
}
