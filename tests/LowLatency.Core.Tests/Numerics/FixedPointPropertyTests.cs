using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Numerics;

namespace LowLatency.Core.Tests.Numerics;

public sealed class FixedPointPropertyTests
{
    private static readonly Gen<(long Value, int Scale)> ValueAtScale =
        from scale in Gen.Choose(0, 18)
        from value in ArbMap.Default.GeneratorFor<long>()
        select (value, scale);

    private static string Render(long value, int scale, int decimals)
    {
        Span<byte> buffer = stackalloc byte[FixedPointFormatter.MaxLength];
        Assert.True(FixedPointFormatter.TryFormat(value, scale, decimals, buffer, out var written));
        return Encoding.UTF8.GetString(buffer[..written]);
    }

    [Fact]
    public void Formatting_then_parsing_returns_the_value_and_its_digits()
    {
        Prop.ForAll(ValueAtScale.ToArbitrary(), pair =>
        {
            var text = Render(pair.Value, pair.Scale, pair.Scale);
            var status = FixedPointParser.TryParse(Encoding.UTF8.GetBytes(text), pair.Scale, out var parsed, out var digits);
            return status == NumberParseStatus.Ok && parsed == pair.Value && digits == pair.Scale;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scientific_notation_of_a_value_parses_to_the_same_value()
    {
        var gen = from scale in Gen.Choose(0, 12)
                  from mantissa in Gen.Choose(-999_999_999, 999_999_999)
                  select (mantissa, scale);
        Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var text = pair.mantissa.ToString(CultureInfo.InvariantCulture) + "e-" + pair.scale.ToString(CultureInfo.InvariantCulture);
            var status = FixedPointParser.TryParse(Encoding.UTF8.GetBytes(text), pair.scale, out var parsed);
            return status == NumberParseStatus.Ok && parsed == pair.mantissa;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsing_agrees_with_decimal_whenever_the_value_fits_the_scale()
    {
        var gen = from integerDigits in Gen.Choose(0, 99_999_999)
                  from fraction in Gen.Choose(0, 99_999_999)
                  from fractionWidth in Gen.Choose(1, 8)
                  from scale in Gen.Choose(0, 10)
                  from negative in ArbMap.Default.GeneratorFor<bool>()
                  select (integerDigits, fraction, fractionWidth, scale, negative);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var fractionText = (c.fraction % (int)Math.Pow(10, c.fractionWidth)).ToString(CultureInfo.InvariantCulture).PadLeft(c.fractionWidth, '0');
            var text = (c.negative ? "-" : "") + c.integerDigits.ToString(CultureInfo.InvariantCulture) + "." + fractionText;
            var exact = decimal.Parse(text, CultureInfo.InvariantCulture) * (decimal)Math.Pow(10, c.scale);
            var status = FixedPointParser.TryParse(Encoding.UTF8.GetBytes(text), c.scale, out var parsed);
            return exact == decimal.Truncate(exact)
                ? status == NumberParseStatus.Ok && parsed == (long)exact
                : status == NumberParseStatus.TooPrecise;
        }).QuickCheckThrowOnFailure();
    }
}
