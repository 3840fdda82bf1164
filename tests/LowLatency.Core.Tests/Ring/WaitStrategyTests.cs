using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Every wait strategy delivers everything, lets dependent consumers follow, and lets a halt through.</summary>
public sealed class WaitStrategyTests
{
    public static TheoryData<WaitStrategyKind> Kinds => [.. Enum.GetValues<WaitStrategyKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Strategy_delivers_every_event_in_order(WaitStrategyKind kind)
    {
        const long events = 200_000;
        var ring = RingTestKit.Ring(64, wait: kind);
        var consumer = new SequenceCheckingHandler();
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        RingTestKit.PublishInBatches(ring, events, batch: 4);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(consumer.FirstViolation);
        Assert.Equal(events, consumer.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Strategy_wakes_an_idle_consumer_for_a_late_event(WaitStrategyKind kind)
    {
        var ring = RingTestKit.Ring(8, wait: kind);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(new SequenceCheckingHandler());
        graph.Start();
        Thread.Sleep(20);

        RingTestKit.PublishSingly(ring, 1);

        Assert.True(RingTestKit.Eventually(() => graph.Consumers[0].Sequence.Value == 0));
        Assert.True(graph.Halt());
    }

    [Theory]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.Hybrid)]
    [InlineData(WaitStrategyKind.Sleeping)]
    public void Sleeping_downstream_consumer_is_woken_when_its_upstream_advances(WaitStrategyKind kind)
    {
        const long events = 100_000;
        var ring = RingTestKit.Ring(64, wait: kind);
        var first = new StageHandler(1);
        var second = new StageHandler(2, 1);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(second);
        graph.Start();
        Thread.Sleep(20);

        RingTestKit.PublishSingly(ring, 1);
        Assert.True(RingTestKit.Eventually(() => graph.Consumers[1].Sequence.Value == 0));
        RingTestKit.PublishInBatches(ring, events - 1, batch: 4);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(first.FirstViolation ?? second.FirstViolation);
        Assert.Equal(events, second.Count);
    }

    [Theory]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.Hybrid)]
    public void Sleeping_consumers_are_woken_for_every_event_that_follows_a_pause(WaitStrategyKind kind)
    {
        // Every event comes alone after a pause long enough for both stages to go back to sleep
        // (the upstream stage on the producer's signal, the downstream one on the upstream's), so
        // each event needs its own wake-up of each: a lost one leaves the published event unseen.
        const int events = 300;
        var ring = RingTestKit.Ring(64, wait: kind);
        var first = new StageHandler(1);
        var second = new StageHandler(2, 1);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(second);
        graph.Start();

        for (long sequence = 0; sequence < events; sequence++)
        {
            if (sequence % 10 == 0)
                Thread.Sleep(1);
            else
                Thread.SpinWait(200 * (int)(sequence % 7));
            RingTestKit.PublishSingly(ring, 1);
            Assert.True(RingTestKit.Eventually(() => graph.Consumers[1].Sequence.Value == sequence), $"event {sequence} not seen by the second stage");
        }

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(first.FirstViolation ?? second.FirstViolation);
        Assert.Equal(events, second.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Strategy_returns_on_alert_while_waiting(WaitStrategyKind kind)
    {
        var ring = RingTestKit.Ring(8, wait: kind);
        var barrier = ring.NewBarrier();
        var waiting = Task.Run(() => barrier.WaitFor(0));
        Thread.Sleep(20);

        barrier.Alert();

        Assert.True(waiting.Wait(RingTestKit.Patience));
        Assert.True(waiting.Result < 0);
    }

    [Fact]
    public void Factory_creates_each_named_strategy()
    {
        Assert.IsType<BusySpinWaitStrategy>(WaitStrategies.Create(WaitStrategyKind.BusySpin));
        Assert.IsType<YieldingWaitStrategy>(WaitStrategies.Create(WaitStrategyKind.Yielding));
        Assert.IsType<SleepingWaitStrategy>(WaitStrategies.Create(WaitStrategyKind.Sleeping));
        Assert.IsType<BlockingWaitStrategy>(WaitStrategies.Create(WaitStrategyKind.Blocking));
        Assert.IsType<HybridWaitStrategy>(WaitStrategies.Create(WaitStrategyKind.Hybrid));
    }

    [Fact]
    public void Only_sleeping_strategies_ask_producers_for_a_signal()
    {
        Assert.Equal(
            [WaitStrategyKind.Blocking, WaitStrategyKind.Hybrid],
            Enum.GetValues<WaitStrategyKind>().Where(k => WaitStrategies.Create(k).IsBlocking));
    }
}
