namespace LowLatency.Feeds.Parsing;

/// <summary>What a parser does with a symbol that is not in the registry.</summary>
public enum UnknownSymbolPolicy : byte
{
    /// <summary>Reject the message with <see cref="ParseError.UnknownSymbol"/> (live engine: only subscribed instruments exist).</summary>
    Reject = 0,

    /// <summary>
    /// Register it with the venue's default scales and go on (offline replay of a capture whose
    /// symbols are not known in advance). Registration allocates once per new symbol.
    /// </summary>
    Register,
}
