using LowLatency.Core.Ring;
using LowLatency.Core.Tests.Ring;
using LowLatency.Core.Threading;

namespace LowLatency.Core.Tests.Threading;

/// <summary>The CPU plan spins only where each spinning consumer gets a spare core.</summary>
public sealed class CpuPlanTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Default_plan_on_two_cores_spins_no_thread(int consumers)
    {
        var plan = CpuPlan.Create(consumers, new CpuPlanOptions { AvailableCores = 2 });

        Assert.Equal(0, plan.SpinningThreads);
        Assert.Equal(WaitStrategyKind.Hybrid, plan.WaitStrategy);
        Assert.All(Enumerable.Range(0, consumers), i => Assert.Null(plan.CpuFor(i)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Two_cores_with_only_the_os_core_reserved_spin_at_most_one_thread(int consumers)
    {
        var plan = CpuPlan.Create(consumers, new CpuPlanOptions { AvailableCores = 2, ReservedCores = 1 });

        Assert.True(plan.SpinningThreads <= 1, plan.ToString());
        Assert.Equal(consumers == 1 ? 1 : 0, plan.SpinningThreads);
    }

    [Fact]
    public void Plan_spins_and_pins_when_every_consumer_has_a_spare_core()
    {
        var plan = CpuPlan.Create(3, new CpuPlanOptions { AvailableCores = 8 });

        Assert.Equal(WaitStrategyKind.BusySpin, plan.WaitStrategy);
        Assert.Equal(3, plan.SpinningThreads);
        int?[] cpus = [plan.CpuFor(0), plan.CpuFor(1), plan.CpuFor(2)];
        Assert.All(cpus, c => Assert.NotNull(c));
        Assert.Equal(3, cpus.Distinct().Count());
        Assert.IsType<BusySpinWaitStrategy>(plan.CreateWaitStrategy());
    }

    [Fact]
    public void Plan_spins_no_consumer_when_one_would_lack_a_core()
    {
        var plan = CpuPlan.Create(7, new CpuPlanOptions { AvailableCores = 8 });

        Assert.Equal(0, plan.SpinningThreads);
        Assert.IsType<HybridWaitStrategy>(plan.CreateWaitStrategy());
    }

    [Fact]
    public void Explicit_strategy_overrides_the_plan()
    {
        var plan = CpuPlan.Create(2, new CpuPlanOptions { AvailableCores = 2, ExplicitStrategy = WaitStrategyKind.Yielding });

        Assert.Equal(WaitStrategyKind.Yielding, plan.WaitStrategy);
        Assert.Equal(2, plan.SpinningThreads);
        Assert.Null(plan.CpuFor(0));
    }

    [Fact]
    public void Plan_refuses_to_reserve_no_core_for_the_os()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPlan.Create(1, new CpuPlanOptions { ReservedCores = 0 }));
    }

    [Fact]
    public void Plan_refuses_a_spinning_strategy_for_shared_cores()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPlan.Create(1, new CpuPlanOptions { SharedCoreStrategy = WaitStrategyKind.BusySpin }));
    }

    [Fact]
    public void Graph_pins_consumers_where_the_plan_says()
    {
        int cpu = Environment.ProcessorCount - 1;
        var plan = CpuPlan.Create(1, new CpuPlanOptions { AvailableCores = Environment.ProcessorCount, ReservedCores = Environment.ProcessorCount - 1, ExplicitStrategy = WaitStrategyKind.Yielding });
        var ring = new RingBuffer<RingTestEvent>(new RingBufferOptions<RingTestEvent> { Capacity = 8, WaitStrategy = plan.CreateWaitStrategy() });
        using var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { CpuPlan = plan });
        graph.HandleEventsWith(new StageHandler(0));
        graph.Start();
        Assert.True(graph.Halt());

        Assert.Equal(cpu, plan.CpuFor(0));
        Assert.Equal(OperatingSystem.IsLinux() ? AffinityOutcome.Pinned : AffinityOutcome.Unsupported, graph.Threads[0].Affinity);
    }
}
