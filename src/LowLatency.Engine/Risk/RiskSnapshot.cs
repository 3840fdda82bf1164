namespace LowLatency.Engine.Risk;

/// <summary>What the risk consumer last saw of one instrument's market, as pre-trade checks read it.</summary>
public struct RiskSnapshot
{
    /// <summary>Best bid, in price ticks (0 when unknown).</summary>
    public long BidPriceTicks;

    /// <summary>Best ask, in price ticks (0 when unknown).</summary>
    public long AskPriceTicks;

    /// <summary>Mid price, in price ticks (0 until both sides are known).</summary>
    public long MidPriceTicks;

    /// <summary>Last traded price, in price ticks (0 when unknown).</summary>
    public long LastPriceTicks;

    /// <summary>Receive time of the update, <see cref="System.Diagnostics.Stopwatch"/> ticks (0 before the first).</summary>
    public long ReceiveTimestamp;

    /// <summary>Updates seen.</summary>
    public long Updates;
}
