using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Options;

/// <summary>One instrument the hosted engine subscribes at start (configuration form).</summary>
public sealed class SubscriptionOptions
{
    /// <summary>The venue, e.g. <c>binance-spot</c>.</summary>
    public string Venue { get; set; } = string.Empty;

    /// <summary>The symbol as the exchange writes it, e.g. <c>BTCUSDT</c>, <c>BTC/USD</c>.</summary>
    public string Symbol { get; set; } = string.Empty;

    /// <summary>The channels, e.g. <c>Book, Trades</c>.</summary>
    public MarketChannels Channels { get; set; } = MarketChannels.Book;

    /// <summary>Timeframe of the candle channel.</summary>
    public CandleInterval CandleInterval { get; set; } = CandleInterval.OneMinute;
}
