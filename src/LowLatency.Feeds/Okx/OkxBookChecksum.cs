using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Checksums;

namespace LowLatency.Feeds.Okx;

/// <summary>
/// OKX's order book checksum: CRC-32 over the best 25 levels interleaved as
/// <c>bid_px:bid_sz:ask_px:ask_sz:...</c>, each number written exactly as OKX sent it; OKX
/// states the result as a signed 32-bit integer, which carries the same bits.
/// </summary>
/// <remarks>
/// When one side has fewer than 25 levels its missing entries are left out, not padded. The
/// wire text is rebuilt from the fixed-point value and the fraction digits it was sent with
/// (<c>30316</c>, <c>0.10</c> and <c>0.1</c> stay distinct), so no string is kept per level.
/// </remarks>
public sealed class OkxBookChecksum : IBookChecksum
{
    /// <summary>Levels per side the checksum covers.</summary>
    public const int Depth = 25;

    // One flush keeps the CRC loop on long runs; a level's two numbers and separators are far below the margin.
    private const int BufferLength = 4096;
    private const int FlushMargin = 2 * (FixedPointFormatter.MaxLength + byte.MaxValue) + 2;

    /// <summary>The shared instance (stateless).</summary>
    public static OkxBookChecksum Instance { get; } = new();

    /// <inheritdoc />
    public uint Compute(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Span<byte> buffer = stackalloc byte[BufferLength];
        var length = 0;
        var crc = 0u;
        var bids = book.Bids;
        var asks = book.Asks;
        var levels = Math.Max(Math.Min(Depth, bids.Count), Math.Min(Depth, asks.Count));
        for (var depth = 0; depth < levels; depth++)
        {
            if (length > BufferLength - FlushMargin)
            {
                crc = Crc32.Append(crc, buffer[..length]);
                length = 0;
            }
            if (depth < bids.Count)
                length = AppendLevel(bids[depth], book, buffer, length);
            if (depth < asks.Count)
                length = AppendLevel(asks[depth], book, buffer, length);
        }
        return Crc32.Append(crc, buffer[..length]);
    }

    private static int AppendLevel(BookLevel level, OrderBook book, Span<byte> buffer, int length)
    {
        if (length > 0)
            buffer[length++] = (byte)':';
        length += Render(level.Price, book.PriceScale, level.PriceFractionDigits, buffer[length..]);
        buffer[length++] = (byte)':';
        length += Render(level.Quantity, book.QuantityScale, level.QuantityFractionDigits, buffer[length..]);
        return length;
    }

    // Fraction digits beyond the largest scale can only be trailing zeros of the wire text. A value
    // that cannot be written as sent (never the case for parsed levels) is left out, so the
    // comparison fails and the book resyncs rather than trusting it.
    private static int Render(long value, int scale, int fractionDigits, Span<byte> destination)
    {
        var decimals = Math.Min(fractionDigits, DecimalPowers.MaxScale);
        if (!FixedPointFormatter.TryFormat(value, scale, decimals, destination, out var written))
            return 0;
        for (var zero = decimals; zero < fractionDigits; zero++)
            destination[written++] = (byte)'0';
        return written;
    }
}
