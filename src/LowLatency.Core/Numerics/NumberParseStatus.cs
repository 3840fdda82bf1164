namespace LowLatency.Core.Numerics;

/// <summary>Outcome of parsing decimal text into a fixed-point <see cref="long"/>.</summary>
/// <remarks>A typed result rather than an exception: the hot path counts failures and goes on.</remarks>
public enum NumberParseStatus : byte
{
    /// <summary>The text was a number and fits the requested scale exactly.</summary>
    Ok = 0,

    /// <summary>The text was empty (or only a sign).</summary>
    Empty,

    /// <summary>The text is not a decimal number (JSON number grammar, optionally with an exponent).</summary>
    InvalidCharacter,

    /// <summary>
    /// The number has more significant fraction digits than the scale allows; it is never rounded.
    /// Trailing zeros beyond the scale are not significant and do not cause this.
    /// </summary>
    TooPrecise,

    /// <summary>The scaled value does not fit a signed 64-bit integer.</summary>
    Overflow,
}
