namespace LowLatency.Feeds.KuCoin;

/// <summary>The topics the parser understands, told apart by the topic's prefix.</summary>
internal enum KuCoinChannel : byte
{
    Unknown = 0,
    SpotLevel2,
    SpotTicker,
    SpotMatch,
    SpotCandles,
    FuturesLevel2,
    FuturesTicker,
    FuturesTickerV2,
    FuturesExecution,
    FuturesCandles,
}
