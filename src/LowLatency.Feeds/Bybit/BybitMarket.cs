namespace LowLatency.Feeds.Bybit;

/// <summary>The Bybit v5 public markets served here; they share one message format and differ in endpoints and depths.</summary>
public enum BybitMarket : byte
{
    /// <summary>USDT and USDC perpetuals and futures (<c>/v5/public/linear</c>).</summary>
    Linear = 0,

    /// <summary>Spot (<c>/v5/public/spot</c>).</summary>
    Spot,
}
