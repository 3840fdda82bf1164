namespace LowLatency.Feeds.Okx;

/// <summary>The public channels the parser understands, from <c>arg.channel</c>.</summary>
internal enum OkxChannel : byte
{
    Unknown = 0,
    Books,
    Trades,
    Tickers,
}
