namespace LowLatency.Feeds.Exchanges;

/// <summary>How a venue's connections are kept alive and when they are declared dead.</summary>
/// <param name="PingInterval">How often the client pings; <see cref="TimeSpan.Zero"/> when the client never pings first.</param>
/// <param name="ApplicationPing">The exchange's own JSON/text ping message, or null to use RFC 6455 ping frames.</param>
/// <param name="SilenceTimeout">A connection silent for this long is dead (watchdog).</param>
/// <param name="ServerPings">True when the server pings and expects pongs (answered automatically by the WebSocket layer).</param>
/// <param name="MaxConnectionLifetime">The exchange closes connections after this long (reconnect before); null when unlimited.</param>
public sealed record KeepAlivePolicy(
    TimeSpan PingInterval,
    string? ApplicationPing,
    TimeSpan SilenceTimeout,
    bool ServerPings,
    TimeSpan? MaxConnectionLifetime);
