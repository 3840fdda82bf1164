namespace LowLatency.Engine.Risk;

/// <summary>Why a pre-trade check refused an order.</summary>
public enum RiskRejection : byte
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The kill switch is on: no order passes.</summary>
    KillSwitch,

    /// <summary>No market data yet, or older than the allowed age.</summary>
    StaleData,

    /// <summary>The price is too far from the cached mid.</summary>
    PriceBand,

    /// <summary>The order's value exceeds the per-order limit.</summary>
    MaxOrderNotional,

    /// <summary>The position after the order would exceed the limit.</summary>
    MaxPosition,
}
