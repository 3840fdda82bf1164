namespace LowLatency.WebSockets.Reconnect;

/// <summary>A connection ended, or a connect attempt failed; the client will retry after <see cref="RetryDelay"/>.</summary>
public sealed class WebSocketDisconnectedEventArgs(string reason, WebSocketCloseInfo? close, Exception? error, TimeSpan retryDelay) : EventArgs
{
    /// <summary>A one-line reason for logs.</summary>
    public string Reason { get; } = reason;

    /// <summary>How the connection closed; null when the connect attempt itself failed.</summary>
    public WebSocketCloseInfo? Close { get; } = close;

    /// <summary>The failure, when there was one.</summary>
    public Exception? Error { get; } = error;

    /// <summary>Wait before the next attempt, from the <see cref="ReconnectPolicy"/>.</summary>
    public TimeSpan RetryDelay { get; } = retryDelay;
}
