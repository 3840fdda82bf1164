using LowLatency.Benchmarks.Compare;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Replay.Faults;

namespace LowLatency.Benchmarks.Scenarios.E2E;

/// <summary>
/// <c>e2e.alloc</c>: bytes allocated per message in steady state while the recorded Binance capture
/// streams at max speed, our engine against the naive pipeline.
/// </summary>
/// <remarks>
/// Ours is counted per thread on the engine's reader and consumer threads (each samples
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> itself); the peer's work has no threads of
/// its own, so its figure is process-wide (<see cref="GC.GetTotalAllocatedBytes"/>) and also holds
/// the replayer's share. The target for ours is 0; a ratio cannot be formed then and is left empty.
/// <para>Steady state means after the capture's largest message: the recording's depth messages keep
/// getting larger up to 1,076 levels at message 30,193, and a fresh engine's reusable buffers (event
/// buffer, parser level lists, book sides) grow the first time they meet a larger one. Each round
/// therefore plays the whole capture and counts from message 31,000 on, for both sides.</para>
/// <para>A pipeline's stages run apart at max speed (the reader can be thousands of messages ahead
/// of the cache), so a count started while data flows would miss the early stages' share of the
/// counted messages. The replayer therefore stalls 400 ms before message 31,001: both pipelines
/// drain to exactly 31,000 visible messages, counting starts there, and the round ends when the
/// last message is visible and the replayer has nothing more to send. Each round checks that
/// nothing after message 31,000 had been sent when counting started.</para>
/// </remarks>
public sealed class E2EAllocScenario : ICompareScenario
{
    private const int SteadyFrom = 31_000;
    private static readonly RoundPlan SteadyWindow = new(WarmUp: SteadyFrom, Messages: int.MaxValue);
    private readonly E2EBench _bench = new(null, SteadyWindow, SteadyWindow, [FaultSpec.Parse($"stall:at={SteadyFrom + 1},for=400ms")]);

    public string Name => "e2e.alloc";

    public string Unit => "B/msg";

    public bool HigherIsBetter => false;

    public string? Peer => "naive (ClientWebSocket + JsonSerializer + Channel + lock)";

    public void Setup(CompareContext context) => _bench.Setup(context);

    public RoundResult RunOurs() => ToResult(_bench.RunOurs());

    public RoundResult RunPeer() => ToResult(_bench.RunPeer());

    public void Cleanup()
    {
        _bench.Describe(Name, r => r.BytesPerMessage);
        _bench.Dispose();
    }

    private static RoundResult ToResult(RoundMeasurement round) =>
        new(round.BytesPerMessage, round.AllocatedMessages, round.AllocatedBytes);
}
