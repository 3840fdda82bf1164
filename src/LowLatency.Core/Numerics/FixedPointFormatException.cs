using System.Text;

namespace LowLatency.Core.Numerics;

/// <summary>Thrown by the throwing fixed-point parse when the text cannot be represented at the scale.</summary>
public sealed class FixedPointFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="text"/> parsed at <paramref name="scale"/>.</summary>
    public FixedPointFormatException(ReadOnlySpan<byte> text, int scale, NumberParseStatus status)
        : base(Describe(text, scale, status))
    {
        Status = status;
        Scale = scale;
    }

    /// <summary>Why the text was rejected.</summary>
    public NumberParseStatus Status { get; }

    /// <summary>The scale (decimal places) that was requested.</summary>
    public int Scale { get; }

    private static string Describe(ReadOnlySpan<byte> text, int scale, NumberParseStatus status)
    {
        var shown = Encoding.UTF8.GetString(text.Length > 64 ? text[..64] : text);
        var expected = status switch
        {
            NumberParseStatus.Empty => "a decimal number, got empty text",
            NumberParseStatus.InvalidCharacter => "a decimal number such as -12.5 or 5.325e-05",
            NumberParseStatus.TooPrecise => $"at most {scale} significant fraction digits",
            NumberParseStatus.Overflow => $"a value whose scaled form (x 10^{scale}) fits a 64-bit integer",
            _ => "a decimal number",
        };
        return $"Received '{shown}' ({status}); expected {expected}.";
    }
}
