namespace LowLatency.Feeds.Parsing;

/// <summary>Outcome of parsing one message: status, error and how many events were written.</summary>
/// <param name="Status">What the parser made of the message.</param>
/// <param name="Error">Why it was rejected when <paramref name="Status"/> is <see cref="ParseStatus.Error"/>.</param>
/// <param name="EventCount">Events written to the sink.</param>
public readonly record struct ParseResult(ParseStatus Status, ParseError Error, int EventCount)
{
    /// <summary>Market data with <paramref name="eventCount"/> events written.</summary>
    public static ParseResult Ok(int eventCount) => new(ParseStatus.Ok, ParseError.None, eventCount);

    /// <summary>A known message without market data.</summary>
    public static ParseResult Ignored => new(ParseStatus.Ignored, ParseError.None, 0);

    /// <summary>A message the adapter does not recognise.</summary>
    public static ParseResult Unknown => new(ParseStatus.Unknown, ParseError.None, 0);

    /// <summary>A rejected message.</summary>
    public static ParseResult Failed(ParseError error) => new(ParseStatus.Error, error, 0);
}
