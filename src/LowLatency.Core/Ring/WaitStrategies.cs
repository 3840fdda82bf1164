namespace LowLatency.Core.Ring;

/// <summary>Creates wait strategies from their <see cref="WaitStrategyKind"/>.</summary>
public static class WaitStrategies
{
    /// <summary>A new strategy of the given kind, with its default tuning.</summary>
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Yielding => new YieldingWaitStrategy(),
        WaitStrategyKind.Sleeping => new SleepingWaitStrategy(),
        WaitStrategyKind.Blocking => new BlockingWaitStrategy(),
        WaitStrategyKind.Hybrid => new HybridWaitStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected one of BusySpin, Yielding, Sleeping, Blocking, Hybrid."),
    };

    /// <summary>True for the kinds that keep a core busy while idle (<see cref="WaitStrategyKind.BusySpin"/>, <see cref="WaitStrategyKind.Yielding"/>).</summary>
    public static bool IsSpinning(WaitStrategyKind kind) => kind is WaitStrategyKind.BusySpin or WaitStrategyKind.Yielding;
}
