namespace LowLatency.Rest.Lane;

/// <summary>
/// How urgently a REST request must be sent. A request of a higher priority queued after requests
/// of a lower one is sent before them.
/// </summary>
/// <remarks>
/// The numeric values order the queues: a smaller value is served first. Each priority has its own
/// bounded queue, so a flood of market-data fallbacks can never fill the space orders need.
/// </remarks>
public enum RestPriority
{
    /// <summary>Create, cancel or close orders: served before everything else.</summary>
    Critical = 0,

    /// <summary>Balances, positions, order status.</summary>
    High = 1,

    /// <summary>Fallback market data and instrument lists.</summary>
    Normal = 2,
}
