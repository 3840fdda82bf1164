using System.Diagnostics;
using LowLatency.Core.Metrics;
using LowLatency.Core.Snapshots;
using LowLatency.Engine;
using LowLatency.Engine.Metrics;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// One round of our pipeline: a fresh <see cref="MarketDataEngine"/> connects to the replayer
/// exactly as to Binance, subscribes the three recorded streams, and runs until the round's
/// messages are visible in its caches; then it is disposed and its connection closed.
/// </summary>
/// <remarks>
/// Allocations are counted per thread by the engine's own probes (each reader and consumer thread
/// samples <see cref="GC.GetAllocatedBytesForCurrentThread"/> itself) between the warm-up point and
/// the end of the round.
/// </remarks>
public static class EngineRound
{
    /// <summary>How long a round may take before it is declared hung (a guard, not a threshold).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    /// <summary>Runs one round against <paramref name="replayer"/> (whose send observer is <paramref name="sends"/>).</summary>
    public static RoundMeasurement Run(E2EFeed feed, Replayer replayer, SendLog sends, VisibilityLog visible, RoundPlan plan,
        Action<EngineBuilder>? configure = null)
    {
        sends.Arm();
        visible.Arm(plan.WarmUp, plan.Messages);
        var builder = new EngineBuilder()
            .AddExchange(E2EFeed.Venue, replayer)
            .WithCacheVisibilityObserver(new CacheVisibilityProbe(visible));
        configure?.Invoke(builder);
        long allocated;
        int allocatedMessages;
        int countBefore;
        TimeSpan cpuBefore, cpu;
        long startTicks;
        IReadOnlyDictionary<LatencyStage, LatencyPercentiles> stages;
        var engine = builder.Build();
        try
        {
            var session = engine.AddStrategy("e2e");
            session.SubscribeAsync(E2EFeed.Venue, E2EFeed.Symbol, MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades)
                .GetAwaiter().GetResult();
            var instrument = engine.GetInstrument(E2EFeed.Venue, E2EFeed.Symbol);
            SteadyState.Await(visible, plan.WarmUp, () => IsBookLive(engine, instrument.Id), HangGuard, "our engine");
            long bytesBefore = SettledThreadBytes(engine);
            countBefore = visible.Count;
            cpuBefore = ProcessCpu.Now();
            startTicks = Stopwatch.GetTimestamp();
            RoundGuard.Require(visible.WaitReached(HangGuard), visible, plan.Messages, "our engine");
            cpu = ProcessCpu.Now() - cpuBefore;
            allocated = PipelineThreadBytes(engine) - bytesBefore;
            allocatedMessages = visible.Count - countBefore;
            stages = engine.GetStatus().Latency;
        }
        finally
        {
            engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        ReplayerConnections.WaitAllClosed(replayer, TimeSpan.FromSeconds(10));
        var (latency, rate, unmatched) = RoundAnalysis.Analyze(feed, sends, 0, visible, countBefore, countBefore + allocatedMessages);
        return new RoundMeasurement(allocatedMessages, latency.GetPercentiles(), rate, allocated, allocatedMessages, AllocationScope.PipelineThreads,
            ProcessCpu.MicrosecondsPer(cpu, allocatedMessages), QuiescentAt(feed, sends, countBefore, startTicks), unmatched, stages);
    }

    /// <summary>True when message <paramref name="firstCounted"/> (capture order) had not been handed to the socket by <paramref name="startTicks"/>.</summary>
    public static bool QuiescentAt(E2EFeed feed, SendLog sends, int firstCounted, long startTicks) =>
        firstCounted >= feed.Count || sends.SentAt(0, firstCounted) == 0 || sends.SentAt(0, firstCounted) > startTicks;

    /// <summary>True once the engine publishes a live (synced) top of <paramref name="instrumentId"/>'s book.</summary>
    public static bool IsBookLive(MarketDataEngine engine, int instrumentId) =>
        engine.BookTops.TryGet(instrumentId, out var top) && top.State == BookDataState.Live;

    /// <summary>How long the start of a count waits for a busy thread's next allocation sample.</summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The pipeline threads' allocated bytes once each busy thread has sampled itself again after
    /// the steady-state condition held. A thread samples after each batch, so the sample read
    /// when the book turned live can predate work already done in the same batch (the book's
    /// room reserved at its snapshot), which would then be charged to the counted messages. An
    /// idle thread's last sample already covers everything it did; it is not waited for.
    /// </summary>
    public static long SettledThreadBytes(MarketDataEngine engine)
    {
        var seen = engine.GetStatus().Threads.ToDictionary(t => t.Thread, t => t.Messages);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SettleWait && engine.GetStatus().Threads.Any(t => t.Messages == seen[t.Thread]))
            Thread.Sleep(1);
        return PipelineThreadBytes(engine);
    }

    /// <summary>Bytes the engine's reader and consumer threads have allocated, as each last sampled itself.</summary>
    public static long PipelineThreadBytes(MarketDataEngine engine)
    {
        long bytes = 0;
        foreach (var thread in engine.GetStatus().Threads)
            bytes += thread.AllocatedBytes;
        return bytes;
    }
}
