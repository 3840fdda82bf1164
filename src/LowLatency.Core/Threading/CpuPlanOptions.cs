using LowLatency.Core.Ring;

namespace LowLatency.Core.Threading;

/// <summary>Inputs of a <see cref="CpuPlan"/>; every field has a safe default.</summary>
public sealed record CpuPlanOptions
{
    /// <summary>Cores the process may use; null reads <see cref="Environment.ProcessorCount"/> (which honours affinity and container limits).</summary>
    public int? AvailableCores { get; init; }

    /// <summary>
    /// Cores never given to a spinning consumer: at least one for the OS; the default 2 also keeps
    /// one for the producer (the socket reader), so a 2-core machine spins nothing by default.
    /// </summary>
    public int ReservedCores { get; init; } = 2;

    /// <summary>The strategy used when every consumer gets a spare core of its own.</summary>
    public WaitStrategyKind SpinningStrategy { get; init; } = WaitStrategyKind.BusySpin;

    /// <summary>The strategy used otherwise; must not spin.</summary>
    public WaitStrategyKind SharedCoreStrategy { get; init; } = WaitStrategyKind.Hybrid;

    /// <summary>Forces a strategy whatever the cores (configuration override); null lets the plan decide.</summary>
    public WaitStrategyKind? ExplicitStrategy { get; init; }

    /// <summary>Pin spinning consumers to their own CPUs (the highest-numbered ones, away from CPU 0's interrupts).</summary>
    public bool PinSpinningConsumers { get; init; } = true;
}
