namespace LowLatency.Engine.Metrics;

/// <summary>
/// Points of the data path where latency is measured, each from the moment the message's bytes
/// left the socket (its receive timestamp).
/// </summary>
public enum LatencyStage : byte
{
    /// <summary>The message is parsed into events (reader thread).</summary>
    Parsed,

    /// <summary>Its events are published into the ring (reader thread).</summary>
    Published,

    /// <summary>Its update is visible in the snapshot caches (cache consumer thread).</summary>
    CacheVisible,

    /// <summary>Its event reaches the strategies (signal consumer thread).</summary>
    Signal,
}
