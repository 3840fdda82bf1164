using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// <c>ring.1p1c</c>: one producer claiming and publishing one event at a time to one consumer,
/// against a bounded <c>Channel&lt;T&gt;</c> (SingleReader/SingleWriter, TryWrite/TryRead spin).
/// </summary>
public sealed class RingOneToOneScenario : ICompareScenario
{
    private long _ourEvents;
    private long _peerEvents;

    public string Name => "ring.1p1c";

    public string Unit => "ops/s";

    public bool HigherIsBetter => true;

    public string? Peer => "channel.bounded";

    public void Setup(CompareContext context)
    {
        _ourEvents = context.Size(20_000_000L, 200_000_000L);
        _peerEvents = context.Size(4_000_000L, 40_000_000L);
    }

    public RoundResult RunOurs() => RingSides.OneToOne(_ourEvents, batch: 1);

    public RoundResult RunPeer() => ChannelPeers.OneToOne(_peerEvents);

    public void Cleanup()
    {
    }
}
