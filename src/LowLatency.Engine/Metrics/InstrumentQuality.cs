using LowLatency.Engine.Quality;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Metrics;

/// <summary>The data-quality state of one subscribed instrument and channel.</summary>
/// <param name="Key">The venue key, e.g. <c>binance_spot</c>.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="InstrumentId">The instrument id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="State">The state, why, and since when.</param>
public sealed record InstrumentQuality(string Key, string Symbol, int InstrumentId, MarketChannels Channel, DataQualityState State);
