using System.Numerics;
using System.Runtime.CompilerServices;

namespace LowLatency.Feeds.Books;

/// <summary>
/// One side of a full-depth L2 book: levels keyed by fixed-point price, kept sorted with the
/// best level at the end of the arrays.
/// </summary>
/// <remarks>
/// Almost all changes happen near the top of the book, so keeping the best level last makes
/// the common insert or delete a short copy at the end of contiguous arrays (cache-friendly,
/// no nodes, no allocation once grown); a deep change costs a longer memmove. Ask prices are
/// stored negated so both sides sort ascending towards their best level and share one code path.
/// Not thread-safe: a book is owned by one thread.
/// </remarks>
public sealed class OrderBookSide
{
    private long[] _keys;
    private long[] _quantities;
    private ushort[] _digits;
    private int _count;

    /// <summary>Creates an empty side.</summary>
    /// <param name="isBid">True for bids (best = highest price), false for asks (best = lowest).</param>
    /// <param name="initialCapacity">Levels to reserve before the first growth.</param>
    public OrderBookSide(bool isBid, int initialCapacity = 64)
    {
        IsBid = isBid;
        var capacity = Math.Max(4, initialCapacity);
        _keys = new long[capacity];
        _quantities = new long[capacity];
        _digits = new ushort[capacity];
    }

    /// <summary>True for the bid side.</summary>
    public bool IsBid { get; }

    /// <summary>Number of levels.</summary>
    public int Count => _count;

    /// <summary>Best price; only meaningful when <see cref="Count"/> &gt; 0.</summary>
    public long BestPrice => ToPrice(_keys[_count - 1]);

    /// <summary>Quantity at the best price; only meaningful when <see cref="Count"/> &gt; 0.</summary>
    public long BestQuantity => _quantities[_count - 1];

    /// <summary>The level <paramref name="depth"/> places from the top (0 = best).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such level.</exception>
    public BookLevel this[int depth]
    {
        get
        {
            if ((uint)depth >= (uint)_count)
                ThrowDepth(depth, _count);
            var index = _count - 1 - depth;
            var digits = _digits[index];
            return new BookLevel(ToPrice(_keys[index]), _quantities[index], (byte)(digits >> 8), (byte)digits);
        }
    }

    /// <summary>Price of the level <paramref name="depth"/> places from the top (0 = best); the caller keeps depth below <see cref="Count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long PriceAtDepth(int depth) => ToPrice(_keys[_count - 1 - depth]);

    /// <summary>Quantity of the level <paramref name="depth"/> places from the top (0 = best); the caller keeps depth below <see cref="Count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long QuantityAtDepth(int depth) => _quantities[_count - 1 - depth];

    /// <summary>Sets the quantity at <paramref name="price"/>; a quantity of 0 removes the level.</summary>
    /// <param name="price">Fixed-point price.</param>
    /// <param name="quantity">Fixed-point quantity (absolute, not a change).</param>
    /// <param name="priceDigits">Fraction digits of the price as sent.</param>
    /// <param name="quantityDigits">Fraction digits of the quantity as sent.</param>
    public void Set(long price, long quantity, byte priceDigits = 0, byte quantityDigits = 0)
    {
        var key = IsBid ? price : -price;
        var index = Find(key);
        if (index >= 0)
        {
            if (quantity == 0)
                RemoveAt(index);
            else
            {
                _quantities[index] = quantity;
                _digits[index] = (ushort)((priceDigits << 8) | quantityDigits);
            }
            return;
        }
        if (quantity == 0)
            return;
        InsertAt(~index, key, quantity, (ushort)((priceDigits << 8) | quantityDigits));
    }

    /// <summary>Quantity at <paramref name="price"/>, or 0 when there is no such level.</summary>
    public long QuantityAt(long price)
    {
        var index = Find(IsBid ? price : -price);
        return index >= 0 ? _quantities[index] : 0;
    }

    /// <summary>Removes every level.</summary>
    public void Clear() => _count = 0;

    /// <summary>Levels the side holds before it must grow.</summary>
    public int Capacity => _keys.Length;

    /// <summary>
    /// Grows the side, once, to hold at least <paramref name="levels"/> levels (a power of two);
    /// never shrinks. Call it where an allocation is acceptable (a snapshot) so that later updates
    /// do not grow the side on the hot path.
    /// </summary>
    public void Reserve(int levels)
    {
        if (levels <= _keys.Length)
            return;
        var capacity = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)levels), Array.MaxLength);
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _quantities, capacity);
        Array.Resize(ref _digits, capacity);
    }

    /// <summary>Keeps only the best <paramref name="depth"/> levels.</summary>
    public void Truncate(int depth)
    {
        var excess = _count - depth;
        if (excess <= 0)
            return;
        Array.Copy(_keys, excess, _keys, 0, depth);
        Array.Copy(_quantities, excess, _quantities, 0, depth);
        Array.Copy(_digits, excess, _digits, 0, depth);
        _count = depth;
    }

    /// <summary>Copies up to <c>destination.Length</c> levels, best first; returns how many.</summary>
    public int CopyTop(Span<BookLevel> destination)
    {
        var count = Math.Min(destination.Length, _count);
        for (var depth = 0; depth < count; depth++)
        {
            var index = _count - 1 - depth;
            var digits = _digits[index];
            destination[depth] = new BookLevel(ToPrice(_keys[index]), _quantities[index], (byte)(digits >> 8), (byte)digits);
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ToPrice(long key) => IsBid ? key : -key;

    // Index of key, or the bitwise complement of its insertion point. Checks the top first:
    // most updates touch the best few levels.
    private int Find(long key)
    {
        var count = _count;
        if (count == 0)
            return ~0;
        var top = _keys[count - 1];
        if (key > top)
            return ~count;
        if (key == top)
            return count - 1;
        return Array.BinarySearch(_keys, 0, count - 1, key);
    }

    private void InsertAt(int index, long key, long quantity, ushort digits)
    {
        if (_count == _keys.Length)
            Grow();
        var tail = _count - index;
        if (tail > 0)
        {
            Array.Copy(_keys, index, _keys, index + 1, tail);
            Array.Copy(_quantities, index, _quantities, index + 1, tail);
            Array.Copy(_digits, index, _digits, index + 1, tail);
        }
        _keys[index] = key;
        _quantities[index] = quantity;
        _digits[index] = digits;
        _count++;
    }

    private void RemoveAt(int index)
    {
        var tail = _count - index - 1;
        if (tail > 0)
        {
            Array.Copy(_keys, index + 1, _keys, index, tail);
            Array.Copy(_quantities, index + 1, _quantities, index, tail);
            Array.Copy(_digits, index + 1, _digits, index, tail);
        }
        _count--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var capacity = _keys.Length * 2;
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _quantities, capacity);
        Array.Resize(ref _digits, capacity);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDepth(int depth, int count) =>
        throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Expected a depth between 0 and {count - 1}.");
}
