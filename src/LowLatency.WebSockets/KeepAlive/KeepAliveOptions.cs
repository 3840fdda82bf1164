namespace LowLatency.WebSockets.KeepAlive;

/// <summary>How a connection proves it is alive and detects that the peer is not.</summary>
/// <remarks>
/// Exchanges differ: some want a protocol ping, some their own JSON ping at their own interval
/// (the adapter supplies it through <see cref="ApplicationPing"/>), and some only send data. The
/// data watchdog covers all of them: any received frame, heartbeats included, resets it.
/// </remarks>
public sealed record KeepAliveOptions
{
    /// <summary>No keep-alive and no watchdog.</summary>
    public static KeepAliveOptions Disabled { get; } = new();

    /// <summary>Interval between protocol pings; null sends none.</summary>
    public TimeSpan? PingInterval { get; init; }

    /// <summary>A protocol ping unanswered for this long declares the connection dead.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No frame at all received for this long declares the connection dead; null disables the watchdog.</summary>
    public TimeSpan? DataTimeout { get; init; }

    /// <summary>Interval of the application-level ping; used only with <see cref="ApplicationPing"/>.</summary>
    public TimeSpan ApplicationPingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Sends the exchange's own ping (e.g. <c>{"op":"ping"}</c>) on the connection; called every
    /// <see cref="ApplicationPingInterval"/> from a timer thread. Null sends none.
    /// </summary>
    public Func<WebSocketConnection, CancellationToken, ValueTask>? ApplicationPing { get; init; }

    /// <summary>True when any timer work is needed.</summary>
    internal bool IsEnabled => PingInterval is not null || DataTimeout is not null || ApplicationPing is not null;
}
