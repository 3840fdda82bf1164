namespace LowLatency.WebSockets.Reconnect;

/// <summary>A connection is up (and resubscribed, when a hook was given).</summary>
public sealed class WebSocketConnectedEventArgs(WebSocketConnection connection, int connectionNumber) : EventArgs
{
    /// <summary>The new connection.</summary>
    public WebSocketConnection Connection { get; } = connection;

    /// <summary>1 for the first connection, 2 for the first reconnect, and so on.</summary>
    public int ConnectionNumber { get; } = connectionNumber;
}
