using LowLatency.Core.Numerics;

namespace LowLatency.Feeds.Parsing;

/// <summary>Maps number parse statuses onto message parse errors.</summary>
public static class NumberErrors
{
    /// <summary>The <see cref="ParseError"/> for a failed <see cref="NumberParseStatus"/>.</summary>
    public static ParseError ToParseError(NumberParseStatus status) => status switch
    {
        NumberParseStatus.Ok => ParseError.None,
        NumberParseStatus.TooPrecise => ParseError.NumberTooPrecise,
        NumberParseStatus.Overflow => ParseError.NumberOverflow,
        _ => ParseError.InvalidNumber,
    };
}
