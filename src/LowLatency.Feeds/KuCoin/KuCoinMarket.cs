namespace LowLatency.Feeds.KuCoin;

/// <summary>The two KuCoin markets; they share the message envelope and differ in topics, endpoints and number styles.</summary>
public enum KuCoinMarket : byte
{
    /// <summary>Spot (<c>/market/...</c> topics, <c>api.kucoin.com</c>).</summary>
    Spot = 0,

    /// <summary>Futures (<c>/contractMarket/...</c> topics, <c>api-futures.kucoin.com</c>).</summary>
    Futures,
}
