using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Connections;

/// <summary>One subscription on the wire: an instrument's channel (and the candle timeframe for candles).</summary>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="Symbol">Its symbol as the exchange writes it.</param>
/// <param name="Channel">One channel.</param>
/// <param name="CandleIntervalSeconds">The candle timeframe in seconds for <see cref="MarketChannels.Candles"/>, else 0.</param>
internal readonly record struct Topic(int InstrumentId, string Symbol, MarketChannels Channel, int CandleIntervalSeconds)
{
    /// <inheritdoc />
    public override string ToString() =>
        Channel == MarketChannels.Candles ? $"{Symbol} {Channel} {CandleIntervalSeconds}s" : $"{Symbol} {Channel}";
}
