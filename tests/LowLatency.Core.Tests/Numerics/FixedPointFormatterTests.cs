using System.Text;
using LowLatency.Core.Numerics;

namespace LowLatency.Core.Tests.Numerics;

public sealed class FixedPointFormatterTests
{
    private static string? TryFormat(long value, int scale, int decimals)
    {
        Span<byte> buffer = stackalloc byte[FixedPointFormatter.MaxLength];
        return FixedPointFormatter.TryFormat(value, scale, decimals, buffer, out var written) ? Encoding.UTF8.GetString(buffer[..written]) : null;
    }

    [Theory]
    [InlineData(452852L, 1, 1, "45285.2")]
    [InlineData(5660L, 4, 4, "0.5660")]
    [InlineData(566L, 3, 4, "0.5660")]
    [InlineData(1809715470000L, 8, 8, "18097.15470000")]
    [InlineData(-17L, 2, 2, "-0.17")]
    [InlineData(150L, 2, 1, "1.5")]
    [InlineData(0L, 2, 2, "0.00")]
    [InlineData(42L, 0, 0, "42")]
    [InlineData(long.MinValue, 0, 0, "-9223372036854775808")]
    [InlineData(long.MaxValue, 18, 18, "9.223372036854775807")]
    public void FixedPointFormatter_renders_the_requested_decimals(long value, int scale, int decimals, string expected)
    {
        Assert.Equal(expected, TryFormat(value, scale, decimals));
    }

    [Fact]
    public void FixedPointFormatter_refuses_to_round_away_digits()
    {
        Assert.Null(TryFormat(15, 1, 0));
    }

    [Fact]
    public void FixedPointFormatter_reports_a_too_small_destination()
    {
        Span<byte> small = stackalloc byte[4];
        Assert.False(FixedPointFormatter.TryFormat(452852, 1, 1, small, out _));
    }

    [Fact]
    public void FixedPointFormatter_Format_trims_to_the_shortest_exact_text()
    {
        Assert.Equal("61837.63", FixedPointFormatter.Format(6183763000000, 8));
        Assert.Equal("100", FixedPointFormatter.Format(100_00000000, 8));
    }

    [Fact]
    public void FixedPointFormatter_ToDecimal_is_exact()
    {
        Assert.Equal(61837.63m, FixedPointFormatter.ToDecimal(6183763000000, 8));
    }
}
