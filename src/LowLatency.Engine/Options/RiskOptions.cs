namespace LowLatency.Engine.Options;

/// <summary>Limits the pre-trade checks apply to every instrument (see <see cref="Risk.RiskState"/>).</summary>
public sealed class RiskOptions
{
    /// <summary>Largest order value (price × quantity) in quote currency; 0 disables the check.</summary>
    public decimal MaxOrderNotional { get; set; }

    /// <summary>Largest absolute position after the order, in base units; 0 disables the check.</summary>
    public decimal MaxPosition { get; set; }

    /// <summary>Largest distance of an order's price from the cached mid, as a fraction (0.05 = 5 %); 0 disables the check.</summary>
    public decimal PriceBand { get; set; } = 0.05m;

    /// <summary>Market data older than this makes every order fail the stale-data guard.</summary>
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A copy.</summary>
    public RiskOptions Clone() => (RiskOptions)MemberwiseClone();
}
