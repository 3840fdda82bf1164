using LowLatency.Core.Ring;
using Microsoft.Extensions.Logging;

namespace LowLatency.Core.Tests.Ring;

/// <summary>A throwing handler is logged once with context, counted, kept, and handled by the consumer's policy.</summary>
public sealed class HandlerExceptionTests
{
    [Fact]
    public void Continue_policy_skips_failed_events_and_keeps_consuming()
    {
        var ring = RingTestKit.Ring(16);
        var logger = new RecordingLogger();
        var handler = new ThrowingHandler(3, 7);
        var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { Logger = logger, ExceptionPolicy = HandlerExceptionPolicy.Continue });
        graph.HandleEventsWith(handler, new ConsumerOptions { Name = "cache" });
        graph.Start();

        RingTestKit.PublishSingly(ring, 10);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        var consumer = graph.Consumers[0];
        Assert.Equal([0, 1, 2, 4, 5, 6, 8, 9], handler.Handled);
        Assert.Equal(2, consumer.Failures);
        Assert.Equal(7, consumer.LastFailedSequence);
        Assert.Same(handler.Thrown[1], consumer.LastException);
        Assert.Equal(10, consumer.EventsProcessed);
        Assert.Equal(ProcessorState.Halted, consumer.State);
    }

    [Fact]
    public void Handler_failure_is_logged_once_with_consumer_handler_and_sequence()
    {
        var ring = RingTestKit.Ring(16);
        var logger = new RecordingLogger();
        var handler = new ThrowingHandler(3, 7);
        var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { Logger = logger });
        graph.HandleEventsWith(handler, new ConsumerOptions { Name = "cache" });
        graph.Start();

        RingTestKit.PublishSingly(ring, 10);
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));

        var errors = logger.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Same(handler.Thrown[0], error.Exception);
        Assert.Contains("cache", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowingHandler), error.Message, StringComparison.Ordinal);
        Assert.Contains("sequence 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Halt_policy_stops_the_consumer_at_the_failed_event()
    {
        var ring = RingTestKit.Ring(16);
        var logger = new RecordingLogger();
        var handler = new ThrowingHandler(3);
        var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { Logger = logger, ExceptionPolicy = HandlerExceptionPolicy.Halt });
        graph.HandleEventsWith(handler);
        graph.Start();

        RingTestKit.PublishSingly(ring, 10);

        var consumer = graph.Consumers[0];
        Assert.True(RingTestKit.Eventually(() => consumer.State == ProcessorState.Faulted));
        Assert.True(graph.Threads[0].Join(RingTestKit.Patience));
        Assert.False(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Equal([0, 1, 2], handler.Handled);
        Assert.Equal(2, consumer.Sequence.Value);
        Assert.Equal(1, consumer.Failures);
        Assert.Same(handler.Thrown[0], consumer.LastException);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void Halted_consumer_still_releases_the_events_before_the_failure_downstream()
    {
        var ring = RingTestKit.Ring(16);
        var failing = new ThrowingHandler(5);
        var downstream = new ThrowingHandler();
        var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(failing, new ConsumerOptions { ExceptionPolicy = HandlerExceptionPolicy.Halt }).Then(downstream);
        graph.Start();

        RingTestKit.PublishSingly(ring, 10);

        Assert.True(RingTestKit.Eventually(() => graph.Consumers[1].Sequence.Value == 4));
        graph.Halt();
        Assert.Equal([0, 1, 2, 3, 4], downstream.Handled);
    }

    [Fact]
    public void Failing_start_hook_faults_the_consumer_visibly()
    {
        var ring = RingTestKit.Ring(16);
        var logger = new RecordingLogger();
        var graph = new ConsumerGraph<RingTestEvent>(ring, new ConsumerGraphOptions { Logger = logger });
        graph.HandleEventsWith(new FailingStartHandler());
        graph.Start();

        var consumer = graph.Consumers[0];
        Assert.True(RingTestKit.Eventually(() => consumer.State == ProcessorState.Faulted));
        Assert.IsType<InvalidOperationException>(consumer.LastException);
        Assert.Equal(1, consumer.Failures);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("OnStart", StringComparison.Ordinal));
        graph.Halt();
    }
}
