namespace LowLatency.Engine.Metrics;

/// <summary>Messages received on one venue for one channel (or <c>heartbeat</c> for messages without market data).</summary>
/// <param name="Key">The venue key, e.g. <c>binance_spot</c>.</param>
/// <param name="Channel">The channel name, e.g. <c>Book</c>, <c>Trades</c>, <c>heartbeat</c>.</param>
/// <param name="Messages">Messages so far.</param>
public sealed record ChannelMessages(string Key, string Channel, long Messages);
