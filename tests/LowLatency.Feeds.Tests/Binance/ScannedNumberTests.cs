using System.Text;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Binance;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>Scaling scanned digits agrees with <see cref="FixedPointParser"/> on the text, above all at the edges of a <see cref="long"/>.</summary>
public sealed class ScannedNumberTests
{
    [Fact]
    public void TryScale_succeeds_exactly_when_FixedPointParser_does_and_with_its_value()
    {
        var digitValues = new List<ulong> { 0, 1, 9, 10, 100, 123_450, 9_999_999_999_999_999_999 };
        for (var k = 0; k <= 18; k++)
        {
            var limit = (ulong)long.MaxValue / (ulong)Math.Pow(10, k);
            digitValues.AddRange([limit - 1, limit, limit + 1, limit * 10, limit / 10 * 10]);
        }
        var checkedCases = 0;
        foreach (var digits in digitValues.Distinct())
        {
            var text = digits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var fractionDigits = 0; fractionDigits <= ScannedNumber.MaxDigits; fractionDigits++)
            {
                var padded = text.PadLeft(fractionDigits + 1, '0');
                var decimalText = fractionDigits == 0 ? padded : padded[..^fractionDigits] + "." + padded[^fractionDigits..];
                if (decimalText.Count(char.IsAsciiDigit) > ScannedNumber.MaxDigits)
                    continue;
                for (var scale = 0; scale <= DecimalPowers.MaxScale; scale++)
                {
                    var status = FixedPointParser.TryParse(Encoding.ASCII.GetBytes(decimalText), scale, out var expected);
                    var scanned = new ScannedNumber(digits, fractionDigits).TryScale(scale, out var actual);
                    Assert.True(scanned == (status == NumberParseStatus.Ok), $"{decimalText} at scale {scale}: {status} vs {scanned}");
                    if (scanned)
                        Assert.Equal(expected, actual);
                    checkedCases++;
                }
            }
        }
        Assert.True(checkedCases > 10_000);
    }

    [Fact]
    public void A_number_that_was_not_scanned_never_scales()
    {
        Assert.False(default(ScannedNumber).TryScale(8, out _));
    }
}
