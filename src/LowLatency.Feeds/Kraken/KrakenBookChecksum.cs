using System.Numerics;
using System.Runtime.CompilerServices;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Checksums;

namespace LowLatency.Feeds.Kraken;

/// <summary>
/// Kraken's book checksum: CRC-32 over the top 10 asks (best first) then the top 10 bids, each
/// level as price then quantity rendered at the pair's precisions with the decimal point and
/// leading zeros removed.
/// </summary>
/// <remarks>
/// Kraken instruments are registered with scale = precision, so "render at the precision, drop
/// the point, strip leading zeros" is exactly the decimal digits of the fixed-point integer:
/// 45285.2 at precision 1 is 452852, 0.001 at precision 8 is 100000. Every level is written into
/// one stack buffer and the CRC runs once over it. No allocation.
/// </remarks>
public sealed class KrakenBookChecksum : IBookChecksum
{
    /// <summary>Levels per side that the checksum covers.</summary>
    public const int Depth = 10;

    // 2 sides x 10 levels x (price + quantity) x at most 19 digits.
    private const int BufferLength = 2 * Depth * 2 * 19;

    private static readonly ulong[] Powers = [.. Enumerable.Range(0, 20).Select(DecimalPowers.Pow10)];

    // "00" "01" ... "99": digits are written two at a time.
    private static readonly byte[] DigitPairs = [.. Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)('0' + i / 10), (byte)('0' + i % 10) })];

    /// <summary>The shared instance (stateless).</summary>
    public static KrakenBookChecksum Instance { get; } = new();

    /// <inheritdoc />
    [SkipLocalsInit]
    public uint Compute(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Span<byte> text = stackalloc byte[BufferLength];
        var length = Append(book.Asks, text, 0);
        length = Append(book.Bids, text, length);
        return Crc32.Compute(text[..length]);
    }

    private static int Append(OrderBookSide side, Span<byte> text, int position)
    {
        var count = Math.Min(Depth, side.Count);
        for (var depth = 0; depth < count; depth++)
        {
            position = AppendDigits((ulong)side.PriceAtDepth(depth), text, position);
            position = AppendDigits((ulong)side.QuantityAtDepth(depth), text, position);
        }
        return position;
    }

    // Decimal digits of a non-negative value, no sign, no leading zeros.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AppendDigits(ulong value, Span<byte> text, int position)
    {
        // floor(log10) from the bit length (1233/4096 ~ log10(2)), corrected by one comparison.
        var estimate = ((BitOperations.Log2(value | 1) + 1) * 1233) >> 12;
        var digits = Math.Max(1, estimate + (value >= Powers[estimate] ? 1 : 0));
        var end = position + digits;
        var at = end;
        var pairs = DigitPairs;
        while (value >= 100)
        {
            var quotient = value / 100;
            var pair = (int)(value - quotient * 100) * 2;
            text[--at] = pairs[pair + 1];
            text[--at] = pairs[pair];
            value = quotient;
        }
        if (value >= 10)
        {
            var pair = (int)value * 2;
            text[--at] = pairs[pair + 1];
            text[--at] = pairs[pair];
        }
        else
        {
            text[--at] = (byte)('0' + (int)value);
        }
        return end;
    }
}
