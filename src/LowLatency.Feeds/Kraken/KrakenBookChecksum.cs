using System.Buffers.Text;
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

    /// <summary>The shared instance (stateless).</summary>
    public static KrakenBookChecksum Instance { get; } = new();

    /// <inheritdoc />
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
            var level = side[depth];
            Utf8Formatter.TryFormat(level.Price, text[position..], out var written);
            position += written;
            Utf8Formatter.TryFormat(level.Quantity, text[position..], out written);
            position += written;
        }
        return position;
    }
}
