namespace LowLatency.Feeds.Parsing;

/// <summary>Options of a parser instance.</summary>
/// <param name="UnknownSymbols">What to do with symbols that are not registered.</param>
public sealed record ParserOptions(UnknownSymbolPolicy UnknownSymbols = UnknownSymbolPolicy.Reject)
{
    /// <summary>Live defaults: unknown symbols are rejected.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>Replay defaults: unknown symbols are registered with the venue's default scales.</summary>
    public static ParserOptions Discovering { get; } = new(UnknownSymbolPolicy.Register);

    /// <summary>
    /// Levels of one message the parser's buffers have room for before they grow (default 256).
    /// A long-running reader sets it to the largest message it expects, so no buffer grows mid-stream.
    /// </summary>
    public int LevelCapacity
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = LevelTextBuffer.DefaultCapacity;
}
