using LowLatency.Benchmarks.Compare;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;

namespace LowLatency.Benchmarks.Scenarios.E2E;

/// <summary>
/// <c>e2e.throughput</c>: the sustained rate, in messages per second, at which the recorded Binance
/// capture played at max speed over loopback becomes visible in the cache, our engine against the
/// naive pipeline.
/// </summary>
/// <remarks>See <see cref="E2EBench"/> for how the rate is taken.</remarks>
public sealed class E2EThroughputScenario : ICompareScenario
{
    private readonly E2EBench _bench = new(null, new RoundPlan(WarmUp: 4_000, Messages: 20_000), new RoundPlan(WarmUp: 5_000, Messages: 41_000));

    public string Name => "e2e.throughput";

    public string Unit => "msg/s";

    public bool HigherIsBetter => true;

    public string? Peer => "naive (ClientWebSocket + JsonSerializer + Channel + lock)";

    public void Setup(CompareContext context) => _bench.Setup(context);

    public RoundResult RunOurs() => ToResult(_bench.RunOurs());

    public RoundResult RunPeer() => ToResult(_bench.RunPeer());

    public void Cleanup()
    {
        _bench.Describe(Name, r => r.MessagesPerSecond);
        _bench.Dispose();
    }

    private static RoundResult ToResult(RoundMeasurement round) =>
        new(round.MessagesPerSecond, round.AllocatedMessages, round.AllocatedBytes);
}
