using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// <c>ring.1p3c.pipeline</c>: one producer, three consumers in a pipeline on one ring, against
/// three bounded channels chained by two forwarding threads. Four busy threads on a 2-core machine
/// oversubscribe it; both sides wait by yielding, so they keep making progress.
/// </summary>
public sealed class RingOneToThreePipelineScenario : ICompareScenario
{
    private long _ourEvents;
    private long _peerEvents;

    public string Name => "ring.1p3c.pipeline";

    public string Unit => "ops/s";

    public bool HigherIsBetter => true;

    public string? Peer => "channel.bounded.chain3";

    public void Setup(CompareContext context)
    {
        _ourEvents = context.Size(4_000_000L, 40_000_000L);
        _peerEvents = context.Size(1_000_000L, 10_000_000L);
    }

    public RoundResult RunOurs() => RingSides.Pipeline(_ourEvents);

    public RoundResult RunPeer() => ChannelPeers.Pipeline(_peerEvents);

    public void Cleanup()
    {
    }
}
