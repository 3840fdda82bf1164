using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>A producer never overtakes the slowest terminal consumer, and a consumer never overtakes the one it follows.</summary>
public sealed class GatingTests
{
    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Producer_never_overwrites_a_slot_a_slow_consumer_has_not_finished(ProducerType producers)
    {
        const long events = 200_000;
        var ring = RingTestKit.Ring(8, producers, WaitStrategyKind.Yielding);
        var slow = new SlowConsumerHandler(ring);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(slow);
        graph.Start();

        RingTestKit.PublishSingly(ring, events);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(slow.FirstViolation);
        Assert.Equal(events, slow.Count);
    }

    [Fact]
    public void Slow_middle_stage_is_never_overtaken_by_the_stage_after_it()
    {
        const long events = 50_000;
        var ring = RingTestKit.Ring(16, wait: WaitStrategyKind.Yielding);
        var first = new StageHandler(1);
        var slow = new SlowConsumerHandler(ring, marks: true);
        var last = new StageHandler(2, 1, 3);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(slow).Then(last);
        graph.Start();

        RingTestKit.PublishSingly(ring, events);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(first.FirstViolation ?? slow.FirstViolation ?? last.FirstViolation);
        Assert.Equal(events, last.Count);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Ring_held_by_a_stopped_consumer_refuses_claims_beyond_its_capacity(ProducerType producers)
    {
        var ring = RingTestKit.Ring(8, producers);
        var gate = new GateHandler(ring, blockAt: 0);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();

        for (int i = 0; i < 8; i++)
        {
            Assert.True(ring.TryNext(out long sequence));
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));

        Assert.False(ring.TryNext(out _));
        Assert.False(ring.TryNext(2, out _));
        Assert.Equal(0, ring.RemainingCapacity);
        Assert.Equal(7, ring.Cursor);

        gate.Release();
        Assert.True(RingTestKit.Eventually(() => ring.TryNext(out _)));
        graph.Halt();
    }

    [Fact]
    public void Blocking_claim_waits_until_the_consumer_frees_a_slot()
    {
        var ring = RingTestKit.Ring(4);
        var gate = new GateHandler(ring, blockAt: 0);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();
        RingTestKit.PublishSingly(ring, 4);
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));

        var producer = Task.Run(() => RingTestKit.PublishSingly(ring, 1));
        Assert.False(producer.Wait(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(3, ring.Cursor);

        gate.Release();
        Assert.True(producer.Wait(RingTestKit.Patience));
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Equal([0, 1, 2, 3, 4], gate.Sequences);
    }

    [Fact]
    public void Producer_is_gated_by_terminal_consumers_only()
    {
        var ring = RingTestKit.Ring(8);
        var first = new StageHandler(1);
        var last = new GateHandler(ring, blockAt: 0);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(last);
        graph.Start();

        RingTestKit.PublishSingly(ring, 8);
        Assert.True(last.WaitUntilBlocked(RingTestKit.Patience));
        Assert.True(RingTestKit.Eventually(() => graph.Consumers[0].Sequence.Value == 7));

        Assert.False(ring.TryNext(out _));
        last.Release();
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
    }
}
