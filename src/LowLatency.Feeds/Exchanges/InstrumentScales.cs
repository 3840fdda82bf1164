namespace LowLatency.Feeds.Exchanges;

/// <summary>Fixed-point scales given to an instrument that has no instrument data.</summary>
/// <param name="PriceScale">Decimal places of prices.</param>
/// <param name="QuantityScale">Decimal places of quantities.</param>
public readonly record struct InstrumentScales(int PriceScale, int QuantityScale);
