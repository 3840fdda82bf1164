namespace LowLatency.Feeds.Exchanges;

/// <summary>What to subscribe to on one connection.</summary>
/// <param name="Symbols">Symbols as the exchange writes them in messages (<c>BTCUSDT</c>, <c>BTC/USD</c>).</param>
/// <param name="Channels">Channels for every symbol.</param>
/// <param name="BookDepth">Book depth to ask for; 0 = the venue's default.</param>
/// <param name="CandleIntervalSeconds">Candle interval in seconds.</param>
/// <param name="RequestId">Request id for exchanges that echo one.</param>
public sealed record SubscriptionRequest(
    IReadOnlyList<string> Symbols,
    MarketChannels Channels,
    int BookDepth = 0,
    int CandleIntervalSeconds = 60,
    long RequestId = 1);
