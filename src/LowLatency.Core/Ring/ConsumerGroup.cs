namespace LowLatency.Core.Ring;

/// <summary>
/// Consumers added together to a <see cref="ConsumerGraph{T}"/>; <c>Then</c> adds consumers that
/// see each event only after all of these are done with it.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <remarks>
/// <c>graph.HandleEventsWith(a).Then(b, c)</c> runs b and c in parallel after a;
/// <c>.Then(b, c).Then(d)</c> adds d after both (a diamond). Each handler keeps its own type, so
/// every processor calls its handler directly.
/// </remarks>
public sealed class ConsumerGroup<T>
    where T : struct
{
    private readonly ConsumerGraph<T> _graph;
    private readonly ConsumerNode[] _nodes;

    internal ConsumerGroup(ConsumerGraph<T> graph, ConsumerNode[] nodes)
    {
        _graph = graph;
        _nodes = nodes;
    }

    /// <summary>The processors of this group.</summary>
    public IReadOnlyList<IEventProcessor> Processors => [.. _nodes.Select(n => n.Processor)];

    /// <summary>Adds a consumer that runs after every consumer of this group.</summary>
    public ConsumerGroup<T> Then<THandler>(THandler handler, ConsumerOptions? options = null)
        where THandler : IEventHandler<T>
    {
        var barrier = Upstream();
        return _graph.Group(_graph.Add(handler, barrier, options));
    }

    /// <summary>Adds two consumers that run in parallel, each after every consumer of this group.</summary>
    public ConsumerGroup<T> Then<THandler1, THandler2>(THandler1 first, THandler2 second)
        where THandler1 : IEventHandler<T>
        where THandler2 : IEventHandler<T>
    {
        var upstream = Upstream();
        return _graph.Group(_graph.Add(first, upstream, null), _graph.Add(second, upstream, null));
    }

    /// <summary>Adds three consumers that run in parallel, each after every consumer of this group.</summary>
    public ConsumerGroup<T> Then<THandler1, THandler2, THandler3>(THandler1 first, THandler2 second, THandler3 third)
        where THandler1 : IEventHandler<T>
        where THandler2 : IEventHandler<T>
        where THandler3 : IEventHandler<T>
    {
        var upstream = Upstream();
        return _graph.Group(_graph.Add(first, upstream, null), _graph.Add(second, upstream, null), _graph.Add(third, upstream, null));
    }

    private Sequence[] Upstream()
    {
        foreach (var node in _nodes)
            node.HasDownstream = true;
        return [.. _nodes.Select(n => n.Processor.Sequence)];
    }
}
