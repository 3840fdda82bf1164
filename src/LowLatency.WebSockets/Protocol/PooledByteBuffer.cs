using System.Buffers;
using System.Runtime.CompilerServices;

namespace LowLatency.WebSockets.Protocol;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}"/> and kept across messages, so
/// reassembly and inflation allocate nothing in steady state.
/// </summary>
internal sealed class PooledByteBuffer : IDisposable
{
    /// <summary>Above this capacity the array goes back to the pool after each message, so one huge message does not pin memory for the connection's life.</summary>
    private const int RetainedCapacity = 1 << 20;

    private byte[] _array = [];

    public int Length { get; private set; }

    public byte[] Array => _array;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    public ReadOnlySequence<byte> WrittenSequence => new(_array, 0, Length);

    public void Append(ReadOnlySpan<byte> data)
    {
        EnsureFree(data.Length);
        data.CopyTo(_array.AsSpan(Length));
        Length += data.Length;
    }

    public void Append(in ReadOnlySequence<byte> data)
    {
        foreach (ReadOnlyMemory<byte> segment in data)
            Append(segment.Span);
    }

    /// <summary>Free space after the written bytes, grown to at least <paramref name="minimum"/> bytes.</summary>
    public Span<byte> GetFreeSpan(int minimum)
    {
        EnsureFree(minimum);
        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Clear() => Length = 0;

    /// <summary>Empties the buffer and gives an oversized array back to the pool.</summary>
    public void ClearAndTrim()
    {
        Length = 0;
        if (_array.Length > RetainedCapacity)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }

    public void Dispose()
    {
        if (_array.Length > 0)
            ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        Length = 0;
    }

    private void EnsureFree(int count)
    {
        if (_array.Length - Length < count)
            Grow(count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        int required = checked(Length + count);
        int size = Math.Max(required, Math.Max(4096, _array.Length * 2));
        byte[] next = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, Length).CopyTo(next);
        if (_array.Length > 0)
            ArrayPool<byte>.Shared.Return(_array);
        _array = next;
    }
}
