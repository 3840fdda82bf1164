namespace LowLatency.Engine.Connections;

/// <summary>Where a pooled connection is in its life.</summary>
public enum ConnectionState : byte
{
    /// <summary>The first attempt is under way.</summary>
    Connecting,

    /// <summary>Connected and subscribed.</summary>
    Connected,

    /// <summary>The connection was lost (or an attempt failed); waiting to retry.</summary>
    Reconnecting,

    /// <summary>Closed because its last subscriber left, or the engine stopped.</summary>
    Closed,
}
