namespace LowLatency.Engine.Connections;

/// <summary>One pooled connection as <see cref="MarketDataEngine.GetConnectionStatus"/> reports it.</summary>
/// <param name="Key">The pool key, <c>{exchange}_{market}</c>, e.g. <c>binance_spot</c>.</param>
/// <param name="Venue">The venue name, e.g. <c>binance-spot</c>.</param>
/// <param name="State">Its state.</param>
/// <param name="Subscribers">Strategies (sessions) holding at least one of its topics.</param>
/// <param name="Topics">Live topics, e.g. <c>BTCUSDT Book</c>.</param>
/// <param name="LastMessageTime">When the last message (of any kind) arrived; null before the first.</param>
/// <param name="Error">The reason of the last loss or failed attempt; null when none happened.</param>
/// <param name="Reconnects">Connections made after the first.</param>
/// <param name="Messages">Messages received over all its connections.</param>
public sealed record ConnectionStatus(
    string Key,
    string Venue,
    ConnectionState State,
    int Subscribers,
    IReadOnlyList<string> Topics,
    DateTimeOffset? LastMessageTime,
    string? Error,
    long Reconnects,
    long Messages);
