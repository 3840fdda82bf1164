namespace LowLatency.WebSockets;

/// <summary>Defaults and RFC limits shared by the client and the server side.</summary>
public static class WebSocketLimits
{
    /// <summary>Default largest message accepted: 16 MiB (after inflation).</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    /// <summary>Largest HTTP request or response head accepted during the upgrade.</summary>
    public const int MaxHandshakeHeaderBytes = 16 * 1024;

    /// <summary>
    /// True for a close status a peer may send (RFC 6455 §7.4.1, §7.4.2 and the IANA registry):
    /// 1000-1003, 1007-1014, and the 3000-4999 ranges for libraries and applications.
    /// </summary>
    public static bool IsValidReceivedCloseCode(int code) =>
        code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);
}
