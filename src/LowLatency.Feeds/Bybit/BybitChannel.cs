namespace LowLatency.Feeds.Bybit;

/// <summary>The public topics the parser understands, told apart by the topic's first segment.</summary>
internal enum BybitChannel : byte
{
    Unknown = 0,
    OrderBook,
    Tickers,
    PublicTrade,
    Kline,
}
