namespace LowLatency.Engine.Risk;

/// <summary>The outcome of a pre-trade check.</summary>
/// <param name="Rejection">Why it was refused; <see cref="RiskRejection.None"/> when it passed.</param>
/// <param name="Detail">What was compared, e.g. <c>price 70000 is 13.2 % from mid 61837.6 (band 5 %)</c>.</param>
public sealed record RiskCheckResult(RiskRejection Rejection, string Detail)
{
    /// <summary>True when the order may go.</summary>
    public bool Passed => Rejection == RiskRejection.None;
}
