namespace LowLatency.Feeds.Parsing;

/// <summary>What a parser made of one message.</summary>
public enum ParseStatus : byte
{
    /// <summary>Market data: its events were written to the sink (possibly none, e.g. an empty trade list).</summary>
    Ok = 0,

    /// <summary>A known message without market data (subscription ack, heartbeat, pong); nothing written.</summary>
    Ignored,

    /// <summary>Well-formed JSON the adapter does not recognise; nothing written.</summary>
    Unknown,

    /// <summary>The message could not be used, see <see cref="ParseResult.Error"/>; nothing written.</summary>
    Error,
}
