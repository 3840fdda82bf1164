using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// <c>ring.1p1c.batch</c>: one producer claiming <see cref="Batch"/> events at a time
/// (<c>Next(n)</c>/<c>Publish(lo, hi)</c>, as a parser emitting the levels of one book message
/// would) to one consumer, against the same bounded channel written one event at a time (it has no
/// batch write).
/// </summary>
public sealed class RingOneToOneBatchScenario : ICompareScenario
{
    /// <summary>Events per claim.</summary>
    public const int Batch = 16;

    private long _ourEvents;
    private long _peerEvents;

    public string Name => "ring.1p1c.batch";

    public string Unit => "ops/s";

    public bool HigherIsBetter => true;

    public string? Peer => "channel.bounded";

    public void Setup(CompareContext context)
    {
        _ourEvents = context.Size(32_000_000L, 320_000_000L);
        _peerEvents = context.Size(4_000_000L, 40_000_000L);
    }

    public RoundResult RunOurs() => RingSides.OneToOne(_ourEvents, Batch);

    public RoundResult RunPeer() => ChannelPeers.OneToOne(_peerEvents);

    public void Cleanup()
    {
    }
}
