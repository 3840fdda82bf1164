using System.Globalization;
using LowLatency.Core.Ring;

namespace LowLatency.Core.Threading;

/// <summary>
/// Decides how the consumers of a ring wait and where they run, from the cores the machine has:
/// spinning (and pinned) only when each spinning consumer gets a spare core of its own after the
/// reserved ones; otherwise a strategy that sleeps when idle.
/// </summary>
/// <remarks>
/// A spinning thread without a core of its own steals time from the thread it waits for, so the
/// plan is all or nothing per ring: every consumer of the ring spins, or none does. With the
/// defaults (two reserved cores: the OS and the producer), a 2-core machine spins no thread, and
/// even with one reserved core it spins at most one. <see cref="CpuPlanOptions.ExplicitStrategy"/>
/// overrides the decision.
/// </remarks>
public sealed class CpuPlan
{
    private readonly int?[] _cpus;

    private CpuPlan(int availableCores, int reservedCores, int consumerThreads, WaitStrategyKind waitStrategy, int?[] cpus)
    {
        AvailableCores = availableCores;
        ReservedCores = reservedCores;
        ConsumerThreads = consumerThreads;
        WaitStrategy = waitStrategy;
        SpinningThreads = WaitStrategies.IsSpinning(waitStrategy) ? consumerThreads : 0;
        _cpus = cpus;
    }

    /// <summary>Cores the plan was made for.</summary>
    public int AvailableCores { get; }

    /// <summary>Cores kept away from spinning consumers.</summary>
    public int ReservedCores { get; }

    /// <summary>Consumer threads of the ring.</summary>
    public int ConsumerThreads { get; }

    /// <summary>The wait strategy every consumer of the ring uses.</summary>
    public WaitStrategyKind WaitStrategy { get; }

    /// <summary>Consumer threads that keep a core busy while idle.</summary>
    public int SpinningThreads { get; }

    /// <summary>Makes a plan for <paramref name="consumerThreads"/> consumers of one ring.</summary>
    public static CpuPlan Create(int consumerThreads, CpuPlanOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consumerThreads);
        options ??= new CpuPlanOptions();
        int available = options.AvailableCores ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(available, nameof(options.AvailableCores));
        if (options.ReservedCores < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.ReservedCores, "At least one core must stay reserved for the OS; received ReservedCores < 1.");
        if (WaitStrategies.IsSpinning(options.SharedCoreStrategy))
            throw new ArgumentOutOfRangeException(nameof(options), options.SharedCoreStrategy, "SharedCoreStrategy must not spin; expected Sleeping, Blocking or Hybrid.");

        int spare = available - options.ReservedCores;
        WaitStrategyKind kind = options.ExplicitStrategy
            ?? (spare >= consumerThreads ? options.SpinningStrategy : options.SharedCoreStrategy);

        var cpus = new int?[consumerThreads];
        if (options.PinSpinningConsumers && WaitStrategies.IsSpinning(kind) && spare >= consumerThreads)
        {
            int[] allowed = AllowedCpus(available);
            for (int i = 0; i < consumerThreads; i++)
                cpus[i] = allowed[allowed.Length - 1 - i];
        }
        return new CpuPlan(available, options.ReservedCores, consumerThreads, kind, cpus);
    }

    /// <summary>The CPU consumer <paramref name="consumerIndex"/> (in graph order) should be pinned to, or null.</summary>
    public int? CpuFor(int consumerIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consumerIndex);
        return consumerIndex < _cpus.Length ? _cpus[consumerIndex] : null;
    }

    /// <summary>A new wait strategy of the planned kind, for the ring's options.</summary>
    public IWaitStrategy CreateWaitStrategy() => WaitStrategies.Create(WaitStrategy);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ConsumerThreads} consumers on {AvailableCores} cores ({ReservedCores} reserved): {WaitStrategy}, {SpinningThreads} spinning, pins [{string.Join(", ", _cpus.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "-"))}]");

    private static int[] AllowedCpus(int available)
    {
        if (ThreadAffinity.TryGetCurrentThreadAffinity(out int[] cpus) && cpus.Length >= available)
            return cpus;
        return Enumerable.Range(0, available).ToArray();
    }
}
