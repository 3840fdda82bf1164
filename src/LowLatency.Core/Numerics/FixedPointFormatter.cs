using System.Buffers.Text;
using System.Text;

namespace LowLatency.Core.Numerics;

/// <summary>Renders fixed-point values back to decimal UTF-8 text with a chosen number of decimals.</summary>
/// <remarks>
/// Checksums render levels exactly as the exchange defines them (Kraken: the pair's precision,
/// OKX: the digits as sent), so formatting never rounds: asking for fewer decimals than the
/// value needs fails instead.
/// </remarks>
public static class FixedPointFormatter
{
    /// <summary>Longest text any value can produce: sign, 19 integer digits, point, 18 decimals.</summary>
    public const int MaxLength = 1 + 19 + 1 + DecimalPowers.MaxScale;

    /// <summary>Writes <paramref name="value"/> (at <paramref name="scale"/>) with exactly <paramref name="decimals"/> fraction digits.</summary>
    /// <param name="value">Fixed-point value, i.e. the number times 10^scale.</param>
    /// <param name="scale">Decimal places of <paramref name="value"/>, 0..18.</param>
    /// <param name="decimals">Fraction digits to write, 0..18; zeros are padded, never rounded away.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <param name="bytesWritten">Bytes written on success.</param>
    /// <returns>False when the destination is too small or the value has non-zero digits beyond <paramref name="decimals"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Scale or decimals outside 0..18.</exception>
    public static bool TryFormat(long value, int scale, int decimals, Span<byte> destination, out int bytesWritten)
    {
        DecimalPowers.ValidateScale(scale, nameof(scale));
        DecimalPowers.ValidateScale(decimals, nameof(decimals));
        bytesWritten = 0;

        var magnitude = value < 0 ? 0UL - (ulong)value : (ulong)value;
        var unit = DecimalPowers.Pow10Unchecked(scale);
        var integerPart = magnitude / unit;
        var fraction = magnitude - integerPart * unit;
        var fractionWidth = scale;
        if (decimals < scale)
        {
            var dropped = DecimalPowers.Pow10Unchecked(scale - decimals);
            if (fraction % dropped != 0)
                return false;
            fraction /= dropped;
            fractionWidth = decimals;
        }

        var position = 0;
        if (value < 0)
        {
            if (destination.IsEmpty)
                return false;
            destination[position++] = (byte)'-';
        }
        if (!Utf8Formatter.TryFormat(integerPart, destination[position..], out var integerLength))
            return false;
        position += integerLength;
        if (decimals == 0)
        {
            bytesWritten = position;
            return true;
        }

        if (destination.Length < position + 1 + decimals)
            return false;
        destination[position++] = (byte)'.';
        for (var digit = fractionWidth - 1; digit >= 0; digit--)
        {
            destination[position + digit] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }
        position += fractionWidth;
        for (var pad = fractionWidth; pad < decimals; pad++)
            destination[position++] = (byte)'0';
        bytesWritten = position;
        return true;
    }

    /// <summary>Formats with exactly <paramref name="decimals"/> fraction digits (allocates; API edge and reports only).</summary>
    /// <exception cref="ArgumentException">The value has non-zero digits beyond <paramref name="decimals"/>.</exception>
    public static string Format(long value, int scale, int decimals)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        if (!TryFormat(value, scale, decimals, buffer, out var written))
            throw new ArgumentException($"Value {value} at scale {scale} cannot be written with {decimals} decimals without rounding.", nameof(decimals));
        return Encoding.UTF8.GetString(buffer[..written]);
    }

    /// <summary>Formats with the fewest decimals that keep the value exact (allocates; API edge and reports only).</summary>
    public static string Format(long value, int scale)
    {
        DecimalPowers.ValidateScale(scale, nameof(scale));
        var decimals = scale;
        var magnitude = value < 0 ? 0UL - (ulong)value : (ulong)value;
        while (decimals > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            decimals--;
        }
        return Format(value, scale, decimals);
    }

    /// <summary>Converts a fixed-point value to <see cref="decimal"/> (API edge only).</summary>
    public static decimal ToDecimal(long value, int scale)
    {
        DecimalPowers.ValidateScale(scale, nameof(scale));
        return new decimal(value) / new decimal(DecimalPowers.Pow10Unchecked(scale));
    }
}
