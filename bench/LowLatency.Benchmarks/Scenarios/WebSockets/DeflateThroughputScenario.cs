using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.WebSockets;

/// <summary>
/// <c>ws.deflate.throughput</c>: as <c>ws.loopback.throughput</c> with permessage-deflate, every
/// message compressed; the peer is <c>ClientWebSocket</c> with <c>DangerousDeflateOptions</c>.
/// </summary>
public sealed class DeflateThroughputScenario : ICompareScenario
{
    private readonly LoopbackBench _bench = new(compressed: true);

    /// <inheritdoc />
    public string Name => "ws.deflate.throughput";

    /// <inheritdoc />
    public string Unit => "msg/s";

    /// <inheritdoc />
    public bool HigherIsBetter => true;

    /// <inheritdoc />
    public string? Peer => "ClientWebSocket+DangerousDeflateOptions";

    /// <inheritdoc />
    public void Setup(CompareContext context) => _bench.Setup(context.Size(300_000, 2_000_000));

    /// <inheritdoc />
    public RoundResult RunOurs() => _bench.RunOurs();

    /// <inheritdoc />
    public RoundResult RunPeer() => _bench.RunPeer();

    /// <inheritdoc />
    public void Cleanup() => _bench.Dispose();
}
