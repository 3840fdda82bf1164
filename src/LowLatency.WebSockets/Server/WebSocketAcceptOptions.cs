using LowLatency.WebSockets.KeepAlive;

namespace LowLatency.WebSockets.Server;

/// <summary>How <see cref="WebSocketServerRequest.AcceptWebSocketAsync"/> answers an upgrade.</summary>
public sealed record WebSocketAcceptOptions
{
    /// <summary>Accepts a client's permessage-deflate offer when it can be honoured; outgoing messages are then compressed.</summary>
    public bool EnablePerMessageDeflate { get; init; }

    /// <summary>Largest message accepted from the client; larger fails with 1009.</summary>
    public int MaxMessageSize { get; init; } = WebSocketLimits.DefaultMaxMessageSize;

    /// <summary>Extra headers for the 101 answer.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>Protocol pings and the watchdog on the server side.</summary>
    public KeepAliveOptions KeepAlive { get; init; } = KeepAliveOptions.Disabled;
}
