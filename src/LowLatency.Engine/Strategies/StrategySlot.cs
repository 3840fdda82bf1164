using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Strategies;

/// <summary>One strategy's interest in one instrument: the channels it receives.</summary>
/// <param name="Session">The strategy's session.</param>
/// <param name="Channels">The channels subscribed for the instrument.</param>
internal sealed record StrategySlot(StrategySession Session, MarketChannels Channels);
