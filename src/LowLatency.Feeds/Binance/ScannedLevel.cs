using System.Runtime.CompilerServices;
using LowLatency.Core.Numerics;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// The numbers of one price level as <see cref="BinanceScanner"/> read them: all digits of each
/// as one integer (trailing zeros included) and its fraction digits as sent.
/// </summary>
/// <remarks>
/// The scanner converts digits while it walks the bytes, before the symbol (and so the scale) is
/// known; applying the scale afterwards is one multiply, so the level text is never read twice.
/// </remarks>
internal struct ScannedLevel
{
    /// <summary>Digits of the price, <c>"61800.20"</c> is 6180020.</summary>
    public ulong PriceDigits;

    /// <summary>Digits of the quantity.</summary>
    public ulong QuantityDigits;

    /// <summary>Fraction digits of the price as sent (2 for <c>"61800.20"</c>).</summary>
    public byte PriceFractionDigits;

    /// <summary>Fraction digits of the quantity as sent.</summary>
    public byte QuantityFractionDigits;

    /// <summary>Most digits a scanned number may have: any 19 decimal digits fit a <see cref="ulong"/>.</summary>
    public const int MaxDigits = 19;

    /// <summary>
    /// The value of <paramref name="digits"/> with <paramref name="fractionDigits"/> fraction
    /// digits at <paramref name="scale"/> decimal places; false when it does not fit exactly.
    /// </summary>
    /// <remarks>
    /// Succeeds with the same value as <see cref="FixedPointParser"/> on the same text whenever
    /// that parser succeeds, and fails otherwise; a failure is then handed to that parser, which
    /// says why (too precise, overflow), so the two never disagree about an error.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryScale(ulong digits, int fractionDigits, int scale, out long value)
    {
        if (digits == 0)
        {
            value = 0;
            return true;
        }
        if (fractionDigits <= scale)
        {
            var high = Math.BigMul(digits, DecimalPowers.Pow10(scale - fractionDigits), out var scaled);
            value = (long)scaled;
            return high == 0 && scaled <= long.MaxValue;
        }
        // More fraction digits than the scale is only exact when the extra ones are zeros.
        var divisor = DecimalPowers.Pow10(fractionDigits - scale);
        var quotient = digits / divisor;
        value = (long)quotient;
        return quotient * divisor == digits;
    }
}
