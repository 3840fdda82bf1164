using System.Runtime.CompilerServices;

namespace LowLatency.Feeds.Parsing;

/// <summary>Turns a trade id as an exchange writes it into the <see cref="long"/> a <c>MarketEvent</c> carries.</summary>
/// <remarks>
/// Most venues number trades (<c>"1793133570931"</c>); some name them with a UUID (Bybit linear
/// <c>"20f43950-d8dd-5b31-9112-a178eb6023af"</c>) or a hex object id (older KuCoin spot
/// <c>"6085c09769bc506996295e36"</c>). Decimal ids that fit a <see cref="long"/> are kept as their value; any other text is
/// folded into a 64-bit FNV-1a hash with the sign bit cleared, which keeps ids distinct for
/// de-duplication without allocating (a collision needs about 2^31 trades of one instrument).
/// </remarks>
public static class TradeIdText
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const int MaxDecimalDigits = 19;

    /// <summary>The id of <paramref name="text"/>: its value when it is a decimal number that fits a <see cref="long"/>, else its hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToInt64(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > MaxDecimalDigits)
            return Hash(text);
        ulong value = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
                return Hash(text);
            value = value * 10 + digit;
        }
        return value <= long.MaxValue ? (long)value : Hash(text);
    }

    private static long Hash(ReadOnlySpan<byte> text)
    {
        var hash = FnvOffset;
        foreach (var b in text)
            hash = (hash ^ b) * FnvPrime;
        return (long)(hash & long.MaxValue);
    }
}
