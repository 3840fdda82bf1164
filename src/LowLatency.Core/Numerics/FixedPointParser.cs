using System.Runtime.CompilerServices;

namespace LowLatency.Core.Numerics;

/// <summary>
/// Parses decimal text (UTF-8 bytes, JSON number grammar plus an optional exponent) into a
/// fixed-point <see cref="long"/>: the value times 10^scale.
/// </summary>
/// <remarks>
/// Exchanges send prices as strings (<c>"61837.63000000"</c>) or as JSON numbers whose text is
/// whatever their serializer wrote (<c>5.325e-05</c>, <c>1E-8</c>, <c>4.0</c>). Both reach this
/// parser as the raw bytes, so no <see cref="double"/> or <see cref="decimal"/> is ever made and
/// nothing is allocated. A value that needs more fraction digits than the scale is rejected
/// with <see cref="NumberParseStatus.TooPrecise"/> instead of being rounded: silent rounding
/// would corrupt order books and checksums. Trailing zeros are not significant and are accepted
/// at any length. The number of fraction digits as sent is reported so that a checksum over
/// the wire text (OKX) can render the value back exactly.
/// </remarks>
public static class FixedPointParser
{
    // Largest mantissa that can take one more decimal digit without leaving ulong.
    private const ulong AppendLimit = ulong.MaxValue / 10;
    private const int ExponentCap = 10_000;

    /// <summary>Parses <paramref name="text"/> at <paramref name="scale"/> decimal places.</summary>
    /// <param name="text">UTF-8 text such as <c>-12.50</c> or <c>5.325e-05</c>; no surrounding spaces or quotes.</param>
    /// <param name="scale">Decimal places of the result, 0..<see cref="DecimalPowers.MaxScale"/>.</param>
    /// <param name="value">The value times 10^scale when the status is <see cref="NumberParseStatus.Ok"/>, else 0.</param>
    /// <returns>The parse status; never throws for bad text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is outside 0..18.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NumberParseStatus TryParse(ReadOnlySpan<byte> text, int scale, out long value) =>
        TryParse(text, scale, out value, out _);

    /// <summary>Parses <paramref name="text"/> at <paramref name="scale"/> and reports the fraction digits as sent.</summary>
    /// <param name="text">UTF-8 text such as <c>-12.50</c> or <c>5.325e-05</c>; no surrounding spaces or quotes.</param>
    /// <param name="scale">Decimal places of the result, 0..<see cref="DecimalPowers.MaxScale"/>.</param>
    /// <param name="value">The value times 10^scale when the status is <see cref="NumberParseStatus.Ok"/>, else 0.</param>
    /// <param name="fractionDigits">
    /// Fraction digits of the text as written, trailing zeros included, after applying the
    /// exponent (<c>0.0010</c> gives 4, <c>5.325e-05</c> gives 8, <c>42</c> gives 0).
    /// </param>
    /// <returns>The parse status; never throws for bad text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is outside 0..18.</exception>
    public static NumberParseStatus TryParse(ReadOnlySpan<byte> text, int scale, out long value, out int fractionDigits)
    {
        value = 0;
        fractionDigits = 0;
        DecimalPowers.ValidateScale(scale, nameof(scale));

        var length = text.Length;
        var i = 0;
        var negative = false;
        if (length != 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        if (i == length)
            return NumberParseStatus.Empty;

        ulong mantissa = 0;
        var integerStart = i;
        while (i < length)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
                break;
            if (mantissa > AppendLimit || (mantissa == AppendLimit && digit > ulong.MaxValue % 10))
                return NumberParseStatus.Overflow;
            mantissa = mantissa * 10 + digit;
            i++;
        }
        if (i == integerStart)
            return NumberParseStatus.InvalidCharacter;

        // Fraction zeros are only folded into the mantissa once a non-zero digit follows them,
        // so trailing zeros never cost precision or range.
        var foldedFractionDigits = 0;
        var sentFractionDigits = 0;
        if (i < length && text[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            var pendingZeros = 0;
            while (i < length)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                    break;
                sentFractionDigits++;
                if (digit == 0)
                {
                    pendingZeros++;
                }
                else
                {
                    if (!TryShiftAppend(ref mantissa, pendingZeros + 1, digit))
                        return NumberParseStatus.TooPrecise;
                    foldedFractionDigits += pendingZeros + 1;
                    pendingZeros = 0;
                }
                i++;
            }
            if (i == fractionStart)
                return NumberParseStatus.InvalidCharacter;
        }

        var exponent = 0;
        if (i < length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var exponentNegative = false;
            if (i < length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }
            var exponentStart = i;
            while (i < length)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                    break;
                if (exponent < ExponentCap)
                    exponent = exponent * 10 + (int)digit;
                i++;
            }
            if (i == exponentStart)
                return NumberParseStatus.InvalidCharacter;
            if (exponentNegative)
                exponent = -exponent;
        }
        if (i != length)
            return NumberParseStatus.InvalidCharacter;

        fractionDigits = Math.Max(0, sentFractionDigits - exponent);
        if (mantissa == 0)
            return NumberParseStatus.Ok;

        var shift = scale + exponent - foldedFractionDigits;
        if (shift < 0)
        {
            // Integer-part zeros can absorb a negative exponent exactly ("1500e-3" is 1.5).
            while (shift < 0 && mantissa % 10 == 0)
            {
                mantissa /= 10;
                shift++;
            }
            if (shift < 0)
                return NumberParseStatus.TooPrecise;
        }
        if (shift > 19)
            return NumberParseStatus.Overflow;

        var high = Math.BigMul(mantissa, DecimalPowers.Pow10Unchecked(shift), out var scaled);
        if (high != 0)
            return NumberParseStatus.Overflow;
        if (negative)
        {
            if (scaled > 1UL << 63)
                return NumberParseStatus.Overflow;
            value = (long)(0UL - scaled);
        }
        else
        {
            if (scaled > long.MaxValue)
                return NumberParseStatus.Overflow;
            value = (long)scaled;
        }
        return NumberParseStatus.Ok;
    }

    /// <summary>Parses <paramref name="text"/> at <paramref name="scale"/>, throwing on bad input.</summary>
    /// <exception cref="FixedPointFormatException">The text is not a number that fits the scale exactly.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scale is outside 0..18.</exception>
    public static long Parse(ReadOnlySpan<byte> text, int scale)
    {
        var status = TryParse(text, scale, out var value, out _);
        if (status != NumberParseStatus.Ok)
            ThrowFormat(text, scale, status);
        return value;
    }

    private static bool TryShiftAppend(ref ulong mantissa, int shift, uint digit)
    {
        if (mantissa == 0)
        {
            mantissa = digit;
            return true;
        }
        if (shift > 19)
            return false;
        var high = Math.BigMul(mantissa, DecimalPowers.Pow10Unchecked(shift), out var low);
        if (high != 0 || low > ulong.MaxValue - digit)
            return false;
        mantissa = low + digit;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFormat(ReadOnlySpan<byte> text, int scale, NumberParseStatus status) =>
        throw new FixedPointFormatException(text, scale, status);
}
