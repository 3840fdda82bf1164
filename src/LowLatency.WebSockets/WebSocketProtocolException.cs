namespace LowLatency.WebSockets;

/// <summary>
/// The peer broke RFC 6455 (or RFC 7692): the connection is failed with <see cref="CloseCode"/>.
/// </summary>
/// <remarks>
/// The message says what was received and cites the rule (e.g. "Received a masked frame from the
/// server (RFC 6455 §5.1)"), so a log line is enough to find the offending peer behaviour.
/// </remarks>
public sealed class WebSocketProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketProtocolException(WebSocketCloseCode closeCode, string message)
        : base(message)
    {
        CloseCode = closeCode;
    }

    /// <summary>The close status sent to the peer: 1002, 1007 or 1009.</summary>
    public WebSocketCloseCode CloseCode { get; }
}
