using System.Runtime.CompilerServices;
using LowLatency.Core.Numerics;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// A decimal string as <see cref="BinanceScanner"/> read it: all its digits as one integer
/// (trailing zeros included, <c>"61800.20"</c> is 6180020) and its fraction digits as sent.
/// </summary>
/// <remarks>
/// The scanner converts digits while it walks the bytes, before the symbol (and so the scale) is
/// known; applying the scale afterwards is one multiply, so the text is never read twice.
/// <c>default</c> is "not scanned": the value is then converted from its text.
/// </remarks>
internal struct ScannedNumber
{
    /// <summary>Most digits a scanned number may have: any 19 decimal digits fit a <see cref="ulong"/>.</summary>
    public const int MaxDigits = 19;

    /// <summary>All digits of the text as one integer.</summary>
    public ulong Digits;

    /// <summary>Digits after the decimal point as sent.</summary>
    public byte FractionDigits;

    /// <summary>True when the scanner read the number.</summary>
    public bool IsScanned;

    /// <summary>A scanned number.</summary>
    public ScannedNumber(ulong digits, int fractionDigits)
    {
        Digits = digits;
        FractionDigits = (byte)fractionDigits;
        IsScanned = true;
    }

    /// <summary>The value at <paramref name="scale"/> decimal places; false when it does not fit exactly (or was not scanned).</summary>
    /// <remarks>
    /// Succeeds with the same value as <see cref="FixedPointParser"/> on the same text whenever
    /// that parser succeeds, and fails otherwise; a failure is then handed to that parser, which
    /// says why (too precise, overflow), so the two never disagree about an error.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool TryScale(int scale, out long value)
    {
        value = 0;
        if (!IsScanned)
            return false;
        if (Digits == 0)
            return true;
        if (FractionDigits <= scale)
        {
            var high = Math.BigMul(Digits, DecimalPowers.Pow10(scale - FractionDigits), out var scaled);
            value = (long)scaled;
            return high == 0 && scaled <= long.MaxValue;
        }
        // More fraction digits than the scale is only exact when the extra ones are zeros.
        var divisor = DecimalPowers.Pow10(FractionDigits - scale);
        var quotient = Digits / divisor;
        value = (long)quotient;
        return quotient * divisor == Digits;
    }
}
