namespace LowLatency.Core.Snapshots;

/// <summary>One price level of an order book side.</summary>
/// <param name="PriceTicks">Price in the instrument's price ticks.</param>
/// <param name="Quantity">Resting quantity, fixed point in the instrument's quantity scale.</param>
public readonly record struct BookLevel(long PriceTicks, long Quantity);
