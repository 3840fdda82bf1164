namespace LowLatency.Engine.Connections;

/// <summary>How much room a connection's reader reserves before its first message.</summary>
public static class ConnectionReaderDefaults
{
    /// <summary>Events reserved per reader: a depth message of this many levels parses without growing a buffer.</summary>
    public const int BufferEvents = 2048;

    /// <summary>Bytes reserved for a message's text per reserved event (a JSON level is about 20–40 bytes).</summary>
    public const int BytesPerEvent = 32;
}
