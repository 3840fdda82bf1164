namespace LowLatency.WebSockets;

/// <summary>The HTTP/1.1 upgrade failed: wrong status, missing or wrong headers, a redirect, a bad extension.</summary>
public sealed class WebSocketHandshakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketHandshakeException(string message, int statusCode = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the server answered, or 0 when the failure was not about the status.</summary>
    public int StatusCode { get; }
}
