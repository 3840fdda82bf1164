using LowLatency.Core.Ring;
using LowLatency.Engine.Consumers;
using LowLatency.Engine.Options;

namespace LowLatency.Engine.Tests.Consumers;

/// <summary>Where the cache, risk and signal consumers run: a thread each only when each can spin on a spare core.</summary>
public sealed class ConsumerPlacementTests
{
    [Fact]
    public void Auto_runs_the_three_consumers_on_one_sleeping_thread_on_two_cores()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions(), availableCores: 2);

        Assert.Equal(1, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.Hybrid, plan.WaitStrategy);
        Assert.Equal(0, plan.SpinningThreads);
    }

    [Fact]
    public void Auto_gives_each_consumer_a_spinning_thread_when_each_has_a_spare_core()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions(), availableCores: 8);

        Assert.Equal(ConsumerPlacement.Consumers, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.BusySpin, plan.WaitStrategy);
    }

    [Fact]
    public void Auto_lets_the_shared_thread_spin_when_one_core_is_spare()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions(), availableCores: 3);

        Assert.Equal(1, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.BusySpin, plan.WaitStrategy);
    }

    [Fact]
    public void Auto_keeps_three_threads_when_the_configuration_forces_a_spinning_strategy()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions { WaitStrategy = WaitStrategyKind.Yielding }, availableCores: 2);

        Assert.Equal(ConsumerPlacement.Consumers, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.Yielding, plan.WaitStrategy);
    }

    [Fact]
    public void Separate_layout_keeps_a_thread_per_consumer_on_two_cores()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions { ConsumerThreads = ConsumerThreadLayout.Separate }, availableCores: 2);

        Assert.Equal(ConsumerPlacement.Consumers, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.Hybrid, plan.WaitStrategy);
    }

    [Fact]
    public void Shared_layout_runs_one_thread_even_with_spare_cores()
    {
        var plan = ConsumerPlacement.Plan(new EngineOptions { ConsumerThreads = ConsumerThreadLayout.Shared }, availableCores: 8);

        Assert.Equal(1, plan.ConsumerThreads);
        Assert.Equal(WaitStrategyKind.BusySpin, plan.WaitStrategy);
    }

    [Fact]
    public void Options_reject_an_undefined_layout()
    {
        var options = new EngineOptions { ConsumerThreads = (ConsumerThreadLayout)7 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Contains("ConsumerThreads 7", error.Message, StringComparison.Ordinal);
    }
}
