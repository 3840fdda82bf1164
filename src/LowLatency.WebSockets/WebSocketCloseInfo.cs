namespace LowLatency.WebSockets;

/// <summary>How a connection ended: the outcome of <see cref="WebSocketConnection.Completion"/>.</summary>
/// <param name="Code">The close status: the peer's (or ours when we failed the connection), <see cref="WebSocketCloseCode.AbnormalClosure"/> when the TCP connection was lost.</param>
/// <param name="Reason">The close reason, or a description of why the connection was lost or aborted.</param>
/// <param name="ClosedByPeer">True when the peer started the close handshake.</param>
/// <param name="Error">The failure that ended the connection (protocol error, I/O error, handler exception), or null after a clean close.</param>
public sealed record WebSocketCloseInfo(WebSocketCloseCode Code, string Reason, bool ClosedByPeer, Exception? Error)
{
    /// <summary>True when both close frames were exchanged and no error occurred.</summary>
    public bool IsClean => Error is null && Code != WebSocketCloseCode.AbnormalClosure;
}
