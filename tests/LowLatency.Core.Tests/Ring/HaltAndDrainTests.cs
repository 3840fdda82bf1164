using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Halt stops consumers without waiting for pending events; drain-and-stop processes everything published first.</summary>
public sealed class HaltAndDrainTests
{
    [Fact]
    public void Halt_stops_after_the_current_batch_and_leaves_pending_events()
    {
        var ring = RingTestKit.Ring(128);
        var gate = new GateHandler(ring, blockAt: 0);
        var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();
        RingTestKit.PublishSingly(ring, 1);
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));
        RingTestKit.PublishSingly(ring, 99);

        var consumer = graph.Consumers[0];
        consumer.Halt();
        gate.Release();

        Assert.True(graph.Halt());
        Assert.Equal(ProcessorState.Halted, consumer.State);
        Assert.Equal(1, consumer.EventsProcessed);
        Assert.Equal(99, consumer.Lag);
        Assert.All(graph.Threads, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void Halt_wakes_consumers_sleeping_on_an_empty_ring()
    {
        var ring = RingTestKit.Ring(16, wait: WaitStrategyKind.Blocking);
        var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(new StageHandler(1)).Then(new StageHandler(2, 1));
        graph.Start();
        Thread.Sleep(20);

        Assert.True(graph.Halt());
        Assert.All(graph.Consumers, c => Assert.Equal(ProcessorState.Halted, c.State));
    }

    [Fact]
    public void Drain_and_stop_processes_every_published_event_before_stopping()
    {
        const long events = 5_000;
        var ring = RingTestKit.Ring(64);
        var first = new StageHandler(1);
        var slow = new SlowConsumerHandler(ring);
        var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(slow);
        graph.Start();
        RingTestKit.PublishSingly(ring, events);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));

        Assert.Equal(events, slow.Count);
        Assert.All(graph.Consumers, c => Assert.Equal(ProcessorState.Halted, c.State));
        Assert.All(graph.Consumers, c => Assert.Equal(0, c.Lag));
        Assert.All(graph.Threads, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void Drain_and_stop_reports_a_consumer_that_cannot_catch_up()
    {
        var ring = RingTestKit.Ring(16);
        var gate = new GateHandler(ring, blockAt: 3);
        var logger = new RecordingLogger();
        var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { Logger = logger, ThreadTimeout = TimeSpan.FromMilliseconds(50) });
        graph.HandleEventsWith(gate);
        graph.Start();
        RingTestKit.PublishSingly(ring, 10);
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));

        bool drained = graph.DrainAndStop(TimeSpan.FromMilliseconds(50));
        gate.Release();

        Assert.False(drained);
        Assert.Contains(logger.Entries, e => e.Message.Contains("did not stop", StringComparison.Ordinal));
        Assert.True(graph.Threads[0].Join(RingTestKit.Patience));
    }

    [Fact]
    public void Consumer_counters_describe_batches()
    {
        var ring = RingTestKit.Ring(64);
        var gate = new GateHandler(ring, blockAt: 0);
        var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();
        RingTestKit.PublishSingly(ring, 1);
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));
        RingTestKit.PublishSingly(ring, 20);
        gate.Release();

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        var consumer = graph.Consumers[0];
        Assert.Equal(21, consumer.EventsProcessed);
        Assert.Equal(2, consumer.Batches);
        Assert.Equal(20, consumer.MaxBatchSize);
        Assert.Equal(20, consumer.LastBatchSize);
    }
}
