namespace LowLatency.Feeds.Binance;

/// <summary>The numbers of one price level as <see cref="BinanceScanner"/> read them (index-aligned with the level text buffer).</summary>
internal struct ScannedLevel
{
    /// <summary>The price.</summary>
    public ScannedNumber Price;

    /// <summary>The quantity.</summary>
    public ScannedNumber Quantity;
}
