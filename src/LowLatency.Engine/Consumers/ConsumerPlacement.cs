using LowLatency.Core.Threading;
using LowLatency.Engine.Options;

namespace LowLatency.Engine.Consumers;

/// <summary>
/// Decides whether the engine's three consumers get a thread each or share one, and the
/// <see cref="CpuPlan"/> of those threads.
/// </summary>
/// <remarks>
/// <see cref="ConsumerThreadLayout.Auto"/> keeps three threads only when the plan for three spins
/// (each has a spare core, or the configuration forces a spinning strategy): then a hand-off costs
/// a cache-line transfer. Otherwise the threads would sleep when idle and every hand-off would cost
/// a wake-up, so one thread runs all three, planned as a single consumer (which spins, pinned, when
/// one spare core is left).
/// </remarks>
internal static class ConsumerPlacement
{
    /// <summary>Cache, risk and signal.</summary>
    public const int Consumers = 3;

    /// <summary>The plan for <paramref name="options"/>; its <see cref="CpuPlan.ConsumerThreads"/> is 1 when the consumers share a thread.</summary>
    /// <param name="options">The engine's options.</param>
    /// <param name="availableCores">Cores to plan for; null reads <see cref="Environment.ProcessorCount"/>.</param>
    public static CpuPlan Plan(EngineOptions options, int? availableCores = null)
    {
        var cpu = new CpuPlanOptions
        {
            AvailableCores = availableCores,
            ReservedCores = options.ReservedCores,
            ExplicitStrategy = options.WaitStrategy,
            PinSpinningConsumers = options.PinConsumers,
        };
        return options.ConsumerThreads switch
        {
            ConsumerThreadLayout.Separate => CpuPlan.Create(Consumers, cpu),
            ConsumerThreadLayout.Shared => CpuPlan.Create(1, cpu),
            _ => CpuPlan.Create(Consumers, cpu) is { SpinningThreads: > 0 } separate ? separate : CpuPlan.Create(1, cpu),
        };
    }
}
