namespace LowLatency.Feeds.Binance;

/// <summary>The three Binance markets; they share one message format and differ in endpoints and book rules.</summary>
public enum BinanceMarket : byte
{
    /// <summary>Spot (<c>stream.binance.com</c>, <c>/api/v3</c>).</summary>
    Spot = 0,

    /// <summary>USDⓈ-M futures (<c>fstream.binance.com</c>, <c>/fapi/v1</c>).</summary>
    UsdM,

    /// <summary>COIN-M futures (<c>dstream.binance.com</c>, <c>/dapi/v1</c>).</summary>
    CoinM,
}
