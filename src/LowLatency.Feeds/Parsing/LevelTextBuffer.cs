using System.Runtime.CompilerServices;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Parsing;

/// <summary>
/// The price levels of one message as text positions (side, price text, quantity text), in
/// document order, waiting to be converted once the instrument and its scales are known.
/// </summary>
/// <remarks>Grows only while warming up to the largest message; reused afterwards.</remarks>
public sealed class LevelTextBuffer
{
    /// <summary>Levels a buffer has room for unless told otherwise.</summary>
    public const int DefaultCapacity = 256;

    private Side[] _sides;
    private TextSpan[] _prices;
    private TextSpan[] _quantities;

    /// <summary>Creates a buffer with room for <paramref name="capacity"/> levels before it grows.</summary>
    public LevelTextBuffer(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _sides = new Side[capacity];
        _prices = new TextSpan[capacity];
        _quantities = new TextSpan[capacity];
    }

    /// <summary>Levels held.</summary>
    public int Count { get; private set; }

    /// <summary>Side of level <paramref name="index"/>.</summary>
    public Side SideAt(int index) => _sides[index];

    /// <summary>Price text of level <paramref name="index"/>.</summary>
    public TextSpan PriceAt(int index) => _prices[index];

    /// <summary>Quantity text of level <paramref name="index"/>.</summary>
    public TextSpan QuantityAt(int index) => _quantities[index];

    /// <summary>Adds a level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Side side, TextSpan price, TextSpan quantity)
    {
        if (Count == _sides.Length)
            Grow();
        _sides[Count] = side;
        _prices[Count] = price;
        _quantities[Count] = quantity;
        Count++;
    }

    /// <summary>Forgets all levels.</summary>
    public void Clear() => Count = 0;

    /// <summary>Keeps the first <paramref name="count"/> levels (undoes adds of a failed entry).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var size = _sides.Length * 2;
        Array.Resize(ref _sides, size);
        Array.Resize(ref _prices, size);
        Array.Resize(ref _quantities, size);
    }
}
