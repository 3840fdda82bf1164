using LowLatency.Benchmarks.Compare;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;

namespace LowLatency.Benchmarks.Scenarios.E2E;

/// <summary>
/// <c>e2e.latency.p99</c>: the 99th percentile, in µs, of wire → cache-visible latency while the
/// replayer plays the recorded Binance capture at 50,000 messages per second on average, our engine
/// against the naive pipeline (<c>ClientWebSocket</c> + <c>JsonSerializer</c> + <c>Channel</c> + <c>lock</c> cache).
/// </summary>
/// <remarks>
/// The replayer keeps the capture's own burstiness (time-scaled) and writes whatever is due within
/// its 1 ms pacing tolerance in one socket write. The recording is uneven at that scale (played at
/// this rate, the median message shares its millisecond with about 100 others) and the replayer's
/// timed waits between writes last one to a few milliseconds, so the median message arrives in a
/// write of about 200 messages, the largest in writes of about 350, and two large writes sometimes
/// follow each other within 0.1 ms. The p99 is therefore mostly each message's wait
/// behind the ones before it in its write, which both pipelines work through one message at a
/// time: it measures per-message cost under bursts more than hand-off latency. See
/// <see cref="E2EBench"/> for how wire and visible times are taken.
/// </remarks>
public sealed class E2ELatencyP99Scenario : ICompareScenario
{
    private const double MessagesPerSecond = 50_000;
    private readonly E2EBench _bench = new(MessagesPerSecond, new RoundPlan(WarmUp: 3_000, Messages: 15_000), new RoundPlan(WarmUp: 5_000, Messages: 41_000));

    public string Name => "e2e.latency.p99";

    public string Unit => "µs";

    public bool HigherIsBetter => false;

    public string? Peer => "naive (ClientWebSocket + JsonSerializer + Channel + lock)";

    public void Setup(CompareContext context) => _bench.Setup(context);

    public RoundResult RunOurs() => ToResult(_bench.RunOurs());

    public RoundResult RunPeer() => ToResult(_bench.RunPeer());

    public void Cleanup()
    {
        _bench.Describe(Name, r => r.Latency.P99);
        _bench.Dispose();
    }

    private static RoundResult ToResult(RoundMeasurement round) =>
        new(round.Latency.P99 / 1000.0, round.AllocatedMessages, round.AllocatedBytes);
}
