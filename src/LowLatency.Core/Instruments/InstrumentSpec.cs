using LowLatency.Core.Numerics;

namespace LowLatency.Core.Instruments;

/// <summary>What is needed to register an instrument: where it trades, its symbol and its scales.</summary>
/// <param name="Exchange">Exchange name, e.g. <c>binance</c> or <c>kraken</c>.</param>
/// <param name="Market">Market of the exchange, e.g. <c>spot</c>, <c>usdm</c>, <c>coinm</c>.</param>
/// <param name="Symbol">Symbol exactly as the exchange writes it in messages (<c>BTCUSDT</c>, <c>BTC/USD</c>).</param>
/// <param name="PriceScale">Decimal places of prices (fixed-point scale), 0..18.</param>
/// <param name="QuantityScale">Decimal places of quantities (fixed-point scale), 0..18.</param>
public sealed record InstrumentSpec(string Exchange, string Market, string Symbol, int PriceScale, int QuantityScale)
{
    /// <summary>Throws when a field is empty or a scale is out of range.</summary>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scale is outside 0..18.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Exchange);
        ArgumentException.ThrowIfNullOrEmpty(Market);
        ArgumentException.ThrowIfNullOrEmpty(Symbol);
        DecimalPowers.ValidateScale(PriceScale, nameof(PriceScale));
        DecimalPowers.ValidateScale(QuantityScale, nameof(QuantityScale));
    }
}
