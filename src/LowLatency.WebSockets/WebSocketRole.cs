namespace LowLatency.WebSockets;

/// <summary>Which end of the connection this process is: it decides masking (RFC 6455 §5.1).</summary>
public enum WebSocketRole : byte
{
    /// <summary>Masks every frame it sends; rejects masked frames it receives.</summary>
    Client,

    /// <summary>Sends unmasked frames; rejects unmasked frames it receives.</summary>
    Server,
}
