using System.Diagnostics;
using LowLatency.Core.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowLatency.Core.Ring;

/// <summary>
/// Builds and runs the consumers of a ring, each on its own named (optionally pinned) thread:
/// <c>graph.HandleEventsWith(cache).Then(risk, signals)</c>, then <see cref="Start"/>, and at the
/// end <see cref="DrainAndStop"/> or <see cref="Halt"/>.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <remarks>
/// The producer is gated by the terminal consumers only (those nothing runs after): each of them
/// has in turn waited for everything upstream, so the slowest path bounds the producer without the
/// producer reading every sequence. Build the whole graph before <see cref="Start"/> and start it
/// before publishing; a graph runs once.
/// </remarks>
public sealed class ConsumerGraph<T> : IDisposable
    where T : struct
{
    private const int Building = 0;
    private const int Started = 1;
    private const int Stopped = 2;

    private readonly RingBuffer<T> _ring;
    private readonly ConsumerGraphOptions _options;
    private readonly ILogger _logger;
    private readonly List<ConsumerNode> _nodes = [];
    private int _state;

    /// <summary>Creates an empty graph over <paramref name="ring"/>.</summary>
    public ConsumerGraph(RingBuffer<T> ring, ConsumerGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _ring = ring;
        _options = options ?? new ConsumerGraphOptions();
        _logger = _options.Logger ?? NullLogger.Instance;
    }

    /// <summary>The ring the consumers read.</summary>
    public RingBuffer<T> Ring => _ring;

    /// <summary>Every consumer, in the order added.</summary>
    public IReadOnlyList<IEventProcessor> Consumers => [.. _nodes.Select(n => n.Processor)];

    /// <summary>The consumers' threads, in the same order (empty before <see cref="Start"/>).</summary>
    public IReadOnlyList<DedicatedThread> Threads => [.. _nodes.Where(n => n.Thread is not null).Select(n => n.Thread!)];

    /// <summary>Adds a consumer that reads events as soon as they are published.</summary>
    public ConsumerGroup<T> HandleEventsWith<THandler>(THandler handler, ConsumerOptions? options = null)
        where THandler : IEventHandler<T> =>
        Group(Add(handler, [], options));

    /// <summary>Adds two consumers that read published events in parallel.</summary>
    public ConsumerGroup<T> HandleEventsWith<THandler1, THandler2>(THandler1 first, THandler2 second)
        where THandler1 : IEventHandler<T>
        where THandler2 : IEventHandler<T> =>
        Group(Add(first, [], null), Add(second, [], null));

    /// <summary>Adds three consumers that read published events in parallel.</summary>
    public ConsumerGroup<T> HandleEventsWith<THandler1, THandler2, THandler3>(THandler1 first, THandler2 second, THandler3 third)
        where THandler1 : IEventHandler<T>
        where THandler2 : IEventHandler<T>
        where THandler3 : IEventHandler<T> =>
        Group(Add(first, [], null), Add(second, [], null), Add(third, [], null));

    /// <summary>
    /// Gates the producer on the terminal consumers and starts one thread per consumer; returns once
    /// every consumer runs.
    /// </summary>
    /// <exception cref="InvalidOperationException">The graph has no consumer, was already started, or a thread did not start in time.</exception>
    public void Start()
    {
        if (_nodes.Count == 0)
            throw new InvalidOperationException($"The graph of ring {_ring.Name} has no consumer; add one with HandleEventsWith before Start.");
        if (Interlocked.CompareExchange(ref _state, Started, Building) != Building)
            throw new InvalidOperationException($"The graph of ring {_ring.Name} was already started; a graph runs once.");

        long cursor = _ring.Cursor;
        foreach (var node in _nodes)
            node.Processor.Sequence.SetValue(cursor);
        _ring.Sequencer.AddGatingSequences([.. _nodes.Where(n => !n.HasDownstream).Select(n => n.Processor.Sequence)]);

        foreach (var node in _nodes)
        {
            node.Thread = new DedicatedThread(node.ThreadOptions, node.Processor.Run, _logger);
            node.Thread.Start();
        }

        var clock = Stopwatch.StartNew();
        foreach (var node in _nodes)
        {
            while (node.Processor.State == ProcessorState.Idle)
            {
                if (clock.Elapsed > _options.ThreadTimeout)
                    throw new InvalidOperationException($"Consumer {node.Processor.Name} did not start within {_options.ThreadTimeout}.");
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>Stops every consumer after its current batch, without waiting for unprocessed events, and waits for the threads to end.</summary>
    /// <returns>False when a thread was still running after <see cref="ConsumerGraphOptions.ThreadTimeout"/> (logged).</returns>
    public bool Halt()
    {
        if (Interlocked.Exchange(ref _state, Stopped) == Building)
            return true;
        foreach (var node in _nodes)
            node.Processor.Halt();
        bool ended = true;
        foreach (var node in _nodes)
        {
            if (node.Thread is { } thread && !thread.Join(_options.ThreadTimeout))
            {
                RingLog.StopTimedOut(_logger, node.Processor.Name, _options.ThreadTimeout);
                ended = false;
            }
        }
        return ended;
    }

    /// <summary>
    /// Waits until every consumer has processed everything published so far, then halts. Stop the
    /// producers first: events published meanwhile may or may not be processed.
    /// </summary>
    /// <param name="timeout">How long to wait for the consumers to catch up.</param>
    /// <returns>
    /// True when every consumer reached the cursor and every thread ended; false on timeout, or when
    /// a consumer stopped before reaching it (faulted), which makes draining impossible.
    /// </returns>
    public bool DrainAndStop(TimeSpan timeout)
    {
        if (Volatile.Read(ref _state) != Started)
            return Halt();
        long target = _ring.Cursor;
        var clock = Stopwatch.StartNew();
        bool drained;
        while (!(drained = _nodes.TrueForAll(n => n.Processor.Sequence.Value >= target))
               && !_nodes.Exists(n => n.Processor.State is ProcessorState.Faulted or ProcessorState.Halted)
               && clock.Elapsed < timeout)
        {
            Thread.Sleep(1);
        }
        return Halt() && drained;
    }

    /// <summary>Halts the graph (see <see cref="Halt"/>).</summary>
    public void Dispose() => Halt();

    internal ConsumerNode Add<THandler>(THandler handler, Sequence[] upstream, ConsumerOptions? options)
        where THandler : IEventHandler<T>
    {
        if (Volatile.Read(ref _state) != Building)
            throw new InvalidOperationException($"The graph of ring {_ring.Name} is already started; add consumers before Start.");
        int index = _nodes.Count;
        string name = options?.Name ?? $"{_ring.Name}.{index}.{typeof(THandler).Name}";
        var processor = new BatchEventProcessor<T, THandler>(_ring, _ring.NewBarrier(upstream), handler, name,
            options?.ExceptionPolicy ?? _options.ExceptionPolicy, _logger);
        var threadOptions = new DedicatedThreadOptions
        {
            Name = name,
            Cpu = options?.Cpu ?? _options.CpuPlan?.CpuFor(index),
            Priority = options?.Priority,
        };
        var node = new ConsumerNode(processor, threadOptions);
        _nodes.Add(node);
        return node;
    }

    internal ConsumerGroup<T> Group(params ConsumerNode[] nodes) => new(this, nodes);
}
