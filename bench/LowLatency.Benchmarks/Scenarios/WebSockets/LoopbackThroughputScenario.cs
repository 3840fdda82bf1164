using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.WebSockets;

/// <summary>
/// <c>ws.loopback.throughput</c>: messages per second our client receives from a local server
/// sending pre-encoded frames as fast as it can, against <c>ClientWebSocket</c> on the same server.
/// </summary>
public sealed class LoopbackThroughputScenario : ICompareScenario
{
    private readonly LoopbackBench _bench = new(compressed: false);

    /// <inheritdoc />
    public string Name => "ws.loopback.throughput";

    /// <inheritdoc />
    public string Unit => "msg/s";

    /// <inheritdoc />
    public bool HigherIsBetter => true;

    /// <inheritdoc />
    public string? Peer => "ClientWebSocket";

    /// <inheritdoc />
    public void Setup(CompareContext context) => _bench.Setup(context.Size(1_000_000, 5_000_000));

    /// <inheritdoc />
    public RoundResult RunOurs() => _bench.RunOurs();

    /// <inheritdoc />
    public RoundResult RunPeer() => _bench.RunPeer();

    /// <inheritdoc />
    public void Cleanup() => _bench.Dispose();
}
