namespace LowLatency.Core.Ring;

/// <summary>The wait strategies a ring can use, by name (for configuration and <see cref="Threading.CpuPlan"/>).</summary>
public enum WaitStrategyKind
{
    /// <summary><see cref="BusySpinWaitStrategy"/>: a core per waiting thread, lowest latency.</summary>
    BusySpin,

    /// <summary><see cref="YieldingWaitStrategy"/>: spins and yields; burns CPU but gives way.</summary>
    Yielding,

    /// <summary><see cref="SleepingWaitStrategy"/>: spins, yields, then sleeps ≈1 ms; for background consumers.</summary>
    Sleeping,

    /// <summary><see cref="BlockingWaitStrategy"/>: sleeps on a monitor; no CPU while idle.</summary>
    Blocking,

    /// <summary><see cref="HybridWaitStrategy"/>: spins, yields, then blocks; the safe default.</summary>
    Hybrid,
}
