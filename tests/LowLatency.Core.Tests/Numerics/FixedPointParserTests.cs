using System.Text;
using LowLatency.Core.Numerics;

namespace LowLatency.Core.Tests.Numerics;

public sealed class FixedPointParserTests
{
    private static NumberParseStatus Parse(string text, int scale, out long value, out int digits) =>
        FixedPointParser.TryParse(Encoding.UTF8.GetBytes(text), scale, out value, out digits);

    [Theory]
    [InlineData("61837.63000000", 8, 6183763000000L)]
    [InlineData("61837.63000000", 2, 6183763L)]
    [InlineData("0.00100000", 8, 100000L)]
    [InlineData("42", 0, 42L)]
    [InlineData("42", 3, 42000L)]
    [InlineData("0", 8, 0L)]
    [InlineData("-0", 8, 0L)]
    [InlineData("-0.17", 2, -17L)]
    [InlineData("4.0", 8, 400000000L)]
    [InlineData("0000.5", 1, 5L)]
    public void FixedPointParser_reads_plain_decimals(string text, int scale, long expected)
    {
        Assert.Equal(NumberParseStatus.Ok, Parse(text, scale, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("5.325e-05", 8, 5325L)]
    [InlineData("5.072e-05", 8, 5072L)]
    [InlineData("1E-8", 8, 1L)]
    [InlineData("1e+3", 0, 1000L)]
    [InlineData("1.5E3", 2, 150000L)]
    [InlineData("-2.5e-1", 2, -25L)]
    [InlineData("1500e-3", 1, 15L)]
    public void FixedPointParser_reads_scientific_notation(string text, int scale, long expected)
    {
        Assert.Equal(NumberParseStatus.Ok, Parse(text, scale, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0.123", 2)]
    [InlineData("5.325e-05", 7)]
    [InlineData("0.000000001", 8)]
    [InlineData("1e-1", 0)]
    [InlineData("29430.25", 1)]
    public void FixedPointParser_rejects_more_significant_digits_than_the_scale(string text, int scale)
    {
        Assert.Equal(NumberParseStatus.TooPrecise, Parse(text, scale, out var value, out _));
        Assert.Equal(0, value);
    }

    [Fact]
    public void FixedPointParser_accepts_trailing_zeros_beyond_the_scale()
    {
        Assert.Equal(NumberParseStatus.Ok, Parse("1.50000000000000000000000000", 1, out var value, out var digits));
        Assert.Equal(15, value);
        Assert.Equal(26, digits);
    }

    [Theory]
    [InlineData("0.0010", 4)]
    [InlineData("42", 0)]
    [InlineData("41006.8", 1)]
    [InlineData("5.325e-05", 8)]
    [InlineData("1.5e3", 0)]
    [InlineData("2.00", 2)]
    public void FixedPointParser_reports_fraction_digits_as_sent(string text, int expectedDigits)
    {
        Assert.Equal(NumberParseStatus.Ok, Parse(text, 8, out _, out var digits));
        Assert.Equal(expectedDigits, digits);
    }

    [Theory]
    [InlineData("", NumberParseStatus.Empty)]
    [InlineData("-", NumberParseStatus.Empty)]
    [InlineData("abc", NumberParseStatus.InvalidCharacter)]
    [InlineData("1.", NumberParseStatus.InvalidCharacter)]
    [InlineData(".5", NumberParseStatus.InvalidCharacter)]
    [InlineData("1e", NumberParseStatus.InvalidCharacter)]
    [InlineData("1e-", NumberParseStatus.InvalidCharacter)]
    [InlineData("1.2.3", NumberParseStatus.InvalidCharacter)]
    [InlineData("+1", NumberParseStatus.InvalidCharacter)]
    [InlineData(" 1", NumberParseStatus.InvalidCharacter)]
    [InlineData("1 ", NumberParseStatus.InvalidCharacter)]
    [InlineData("--1", NumberParseStatus.InvalidCharacter)]
    public void FixedPointParser_rejects_text_that_is_not_a_number(string text, NumberParseStatus expected)
    {
        Assert.Equal(expected, Parse(text, 2, out _, out _));
    }

    [Theory]
    [InlineData("9223372036854775807", 0, NumberParseStatus.Ok)]
    [InlineData("-9223372036854775808", 0, NumberParseStatus.Ok)]
    [InlineData("9223372036854775808", 0, NumberParseStatus.Overflow)]
    [InlineData("92233720368547758.08", 2, NumberParseStatus.Overflow)]
    [InlineData("100000000000", 8, NumberParseStatus.Overflow)]
    [InlineData("99999999999999999999999", 0, NumberParseStatus.Overflow)]
    [InlineData("1e30", 0, NumberParseStatus.Overflow)]
    public void FixedPointParser_reports_overflow_instead_of_wrapping(string text, int scale, NumberParseStatus expected)
    {
        Assert.Equal(expected, Parse(text, scale, out _, out _));
    }

    [Fact]
    public void FixedPointParser_Parse_throws_a_typed_error_naming_the_text()
    {
        var error = Assert.Throws<FixedPointFormatException>(() => FixedPointParser.Parse("0.123"u8, 2));
        Assert.Equal(NumberParseStatus.TooPrecise, error.Status);
        Assert.Contains("0.123", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 significant fraction digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedPointParser_rejects_scales_above_18()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointParser.TryParse("1"u8, 19, out _));
    }

    [Fact]
    public void FixedPointParser_allocates_nothing()
    {
        var texts = new[] { "61837.63000000"u8.ToArray(), "5.325e-05"u8.ToArray(), "0.123"u8.ToArray() };
        long sum = 0;
        for (var i = 0; i < 100; i++)
            foreach (var t in texts)
                sum += FixedPointParser.TryParse(t, 8, out var v) == NumberParseStatus.Ok ? v : 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            foreach (var t in texts)
                sum += FixedPointParser.TryParse(t, 8, out var v) == NumberParseStatus.Ok ? v : 0;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }
}
