using System.Runtime.CompilerServices;

namespace LowLatency.Feeds.Parsing;

/// <summary>
/// Reusable list of per-record text positions (the trades of one message, the candles of
/// another), kept by a parser between messages so that reading a message allocates nothing.
/// </summary>
/// <typeparam name="T">The record of text positions.</typeparam>
/// <remarks>Grows only while warming up to the largest message; reused afterwards.</remarks>
public sealed class RecordBuffer<T>
    where T : struct
{
    private T[] _records = new T[16];

    /// <summary>Records held.</summary>
    public int Count { get; private set; }

    /// <summary>The record at <paramref name="index"/>.</summary>
    public ref T this[int index] => ref _records[index];

    /// <summary>Appends <paramref name="initial"/> and returns the stored copy for filling in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Add(in T initial)
    {
        if (Count == _records.Length)
            Grow();
        ref var slot = ref _records[Count++];
        slot = initial;
        return ref slot;
    }

    /// <summary>Forgets every record.</summary>
    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _records, _records.Length * 2);
}
