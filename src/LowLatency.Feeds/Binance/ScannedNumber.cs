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
        var shift = scale - FractionDigits;
        if ((uint)shift < (uint)PowersOfTen.Length)
        {
            // Comparing with the largest digits that still fit saves a 128-bit multiply per number.
            value = (long)(Digits * PowersOfTen[shift]);
            return Digits <= LargestUnscaled[shift];
        }
        if (shift >= 0)
            return false;
        // More fraction digits than the scale is only exact when the extra ones are zeros.
        var divisor = DecimalPowers.Pow10(-shift);
        var quotient = Digits / divisor;
        value = (long)quotient;
        return quotient * divisor == Digits;
    }

    /// <summary>10^0 .. 10^18, the factors a scale of at most 18 can need.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL,
        10_000_000_000_000UL, 100_000_000_000_000UL, 1_000_000_000_000_000UL,
        10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
    ];

    /// <summary><c>long.MaxValue / 10^k</c>: the largest digits that times 10^k still fit a <see cref="long"/>.</summary>
    private static ReadOnlySpan<ulong> LargestUnscaled =>
    [
        9_223_372_036_854_775_807UL, 922_337_203_685_477_580UL, 92_233_720_368_547_758UL,
        9_223_372_036_854_775UL, 922_337_203_685_477UL, 92_233_720_368_547UL, 9_223_372_036_854UL,
        922_337_203_685UL, 92_233_720_368UL, 9_223_372_036UL, 922_337_203UL, 92_233_720UL,
        9_223_372UL, 922_337UL, 92_233UL, 9_223UL, 922UL, 92UL, 9UL,
    ];
}
