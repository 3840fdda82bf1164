namespace LowLatency.Engine.Feed;

/// <summary>Where a read of the unified data feed was served from.</summary>
public enum DataSource : byte
{
    /// <summary>The snapshot caches the WebSocket stream keeps.</summary>
    Cache,

    /// <summary>A REST call through the venue's REST lane (the fallback).</summary>
    Rest,
}
