namespace LowLatency.WebSockets;

/// <summary>Close status codes of RFC 6455 §7.4.1 (plus the application range 4000-4999 by cast).</summary>
public enum WebSocketCloseCode : ushort
{
    /// <summary>1000: the purpose of the connection has been fulfilled.</summary>
    NormalClosure = 1000,

    /// <summary>1001: the endpoint is going away (server shutdown, page navigation).</summary>
    GoingAway = 1001,

    /// <summary>1002: the endpoint received a frame that breaks the protocol.</summary>
    ProtocolError = 1002,

    /// <summary>1003: the endpoint received a type of data it cannot accept.</summary>
    UnsupportedData = 1003,

    /// <summary>1005: no status code was present in the close frame; never sent on the wire.</summary>
    NoStatusReceived = 1005,

    /// <summary>1006: the connection was lost without a close frame; never sent on the wire.</summary>
    AbnormalClosure = 1006,

    /// <summary>1007: a text message was not valid UTF-8 (or the data did not match the message type).</summary>
    InvalidPayloadData = 1007,

    /// <summary>1008: a message violated the endpoint's policy.</summary>
    PolicyViolation = 1008,

    /// <summary>1009: a message was too big to process.</summary>
    MessageTooBig = 1009,

    /// <summary>1010: the client expected an extension the server did not negotiate.</summary>
    MandatoryExtension = 1010,

    /// <summary>1011: the server met an unexpected condition.</summary>
    InternalServerError = 1011,

    /// <summary>1015: the TLS handshake failed; never sent on the wire.</summary>
    TlsHandshakeFailure = 1015,
}
