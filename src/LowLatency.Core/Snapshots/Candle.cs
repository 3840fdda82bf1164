namespace LowLatency.Core.Snapshots;

/// <summary>One OHLCV candle, prices in price ticks and volume fixed point (the instrument's scales).</summary>
/// <param name="OpenTimeNs">Start of the candle's interval, nanoseconds since the Unix epoch; identifies the candle within its series.</param>
/// <param name="OpenPriceTicks">First trade price of the interval.</param>
/// <param name="HighPriceTicks">Highest trade price of the interval.</param>
/// <param name="LowPriceTicks">Lowest trade price of the interval.</param>
/// <param name="ClosePriceTicks">Last trade price so far (final once <paramref name="IsClosed"/>).</param>
/// <param name="Volume">Traded base quantity of the interval, fixed point.</param>
/// <param name="IsClosed">True once the interval has ended and the exchange sent its final values.</param>
public readonly record struct Candle(
    long OpenTimeNs,
    long OpenPriceTicks,
    long HighPriceTicks,
    long LowPriceTicks,
    long ClosePriceTicks,
    long Volume,
    bool IsClosed);
