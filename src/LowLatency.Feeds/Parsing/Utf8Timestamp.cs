using System.Runtime.CompilerServices;

namespace LowLatency.Feeds.Parsing;

/// <summary>Parses RFC 3339 UTC timestamps (<c>2023-07-30T15:29:58.343415Z</c>) into nanoseconds since the epoch, without allocating.</summary>
/// <remarks>Kraken v2 sends times this way, with 0 to 9 fraction digits; only the <c>Z</c> (UTC) form is accepted.</remarks>
public static class Utf8Timestamp
{
    private const long NanosPerSecond = 1_000_000_000L;

    /// <summary>Parses <c>YYYY-MM-DDTHH:MM:SS[.fraction]Z</c>.</summary>
    /// <returns>False when the text is not in that form or the date is invalid.</returns>
    public static bool TryParseRfc3339(ReadOnlySpan<byte> text, out long unixNanoseconds)
    {
        unixNanoseconds = 0;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] | 0x20) != 't' || text[13] != ':' || text[16] != ':')
            return false;
        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day) ||
            !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
            return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 60)
            return false;

        var i = 19;
        long fraction = 0;
        if (text[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (digits < 9)
                {
                    fraction = fraction * 10 + (text[i] - '0');
                    digits++;
                }
                i++;
            }
            if (digits == 0)
                return false;
            for (; digits < 9; digits++)
                fraction *= 10;
        }
        if (i != text.Length - 1 || (text[i] | 0x20) != 'z')
            return false;

        var days = DaysFromCivil(year, month, day);
        unixNanoseconds = (((days * 24 + hour) * 60 + minute) * 60 + second) * NanosPerSecond + fraction;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
                return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }

    // Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
