using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// <c>ring.3p1c</c>: three producer threads sharing one multi-producer ring, one consumer, against a
/// bounded channel with three writers. Four busy threads on a 2-core machine oversubscribe it; both
/// sides wait by yielding, so they keep making progress.
/// </summary>
public sealed class RingThreeToOneScenario : ICompareScenario
{
    private long _ourEventsPerProducer;
    private long _peerEventsPerProducer;

    public string Name => "ring.3p1c";

    public string Unit => "ops/s";

    public bool HigherIsBetter => true;

    public string? Peer => "channel.bounded";

    public void Setup(CompareContext context)
    {
        _ourEventsPerProducer = context.Size(1_000_000L, 10_000_000L);
        _peerEventsPerProducer = context.Size(500_000L, 5_000_000L);
    }

    public RoundResult RunOurs() => RingSides.ThreeToOne(_ourEventsPerProducer);

    public RoundResult RunPeer() => ChannelPeers.ThreeToOne(_peerEventsPerProducer);

    public void Cleanup()
    {
    }
}
