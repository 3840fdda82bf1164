namespace LowLatency.Core.Numerics;

/// <summary>Powers of ten that fit an unsigned 64-bit integer (10^0 .. 10^19).</summary>
public static class DecimalPowers
{
    /// <summary>The largest scale (decimal places) a fixed-point value may use.</summary>
    /// <remarks>10^18 still leaves room for a non-zero integer part in a <see cref="long"/>.</remarks>
    public const int MaxScale = 18;

    private static readonly ulong[] Table =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL,
        10_000_000_000_000UL, 100_000_000_000_000UL, 1_000_000_000_000_000UL,
        10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>10^<paramref name="exponent"/> for 0 ≤ exponent ≤ 19.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The exponent is outside 0..19.</exception>
    public static ulong Pow10(int exponent)
    {
        if ((uint)exponent >= (uint)Table.Length)
            ThrowExponentOutOfRange(exponent);
        return Table[exponent];
    }

    /// <summary>10^<paramref name="exponent"/> without a range check (0 ≤ exponent ≤ 19 is the caller's duty).</summary>
    internal static ulong Pow10Unchecked(int exponent) => Table[exponent];

    /// <summary>Throws when a scale is outside 0..<see cref="MaxScale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is out of range.</exception>
    public static void ValidateScale(int scale, string parameterName)
    {
        if ((uint)scale > MaxScale)
            ThrowScaleOutOfRange(scale, parameterName);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowExponentOutOfRange(int exponent) =>
        throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "A power of ten that fits a ulong has an exponent between 0 and 19.");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowScaleOutOfRange(int scale, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, scale, $"A fixed-point scale is between 0 and {MaxScale} decimal places.");
}
