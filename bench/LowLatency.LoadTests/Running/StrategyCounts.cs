using LowLatency.Core.Metrics;

namespace LowLatency.LoadTests.Running;

/// <summary>A snapshot of a <see cref="CountingStrategy"/>.</summary>
/// <param name="Events">Events delivered to the strategy.</param>
/// <param name="Gaps">Gap events.</param>
/// <param name="Departures">Channels that left Synced.</param>
/// <param name="Recoveries">Channels that came back to Synced.</param>
/// <param name="RecoveryTimes">How long the recoveries took (ns).</param>
public sealed record StrategyCounts(long Events, long Gaps, long Departures, long Recoveries, LatencyPercentiles RecoveryTimes)
{
    /// <summary>Reads <paramref name="strategy"/> now.</summary>
    public static StrategyCounts Of(CountingStrategy strategy) =>
        new(strategy.Events, strategy.Gaps, strategy.Departures, strategy.Recoveries, strategy.RecoveryTimes);
}
