using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;
using LowLatency.LoadTests.Diagnostics;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Running;

/// <summary>
/// Runs one engine for one round: connect, wait for the warm-up, start the optional side load
/// (readers), wait for the target or the deadline, stop the side load, read every counter, dispose,
/// and wait for the replayer to close the connection.
/// </summary>
public static class LoadRoundRunner
{
    /// <summary>Runs the round; <paramref name="sideLoad"/> starts after the warm-up and is disposed before the engine.</summary>
    public static async Task<LoadRound> RunAsync(E2EFeed feed, Replayer replayer, SendLog sends, VisibilityLog visible, RoundPlan plan,
        TimeSpan deadline, Func<EngineClient, IDisposable>? sideLoad = null)
    {
        sends.Arm();
        var gcBefore = GcCounts.Now();
        var clock = Stopwatch.StartNew();
        var client = await EngineClient.StartAsync(replayer, visible, plan).ConfigureAwait(false);
        long allocated, allocatedMessages;
        int start, end;
        TimeSpan cpu;
        bool reached;
        EngineStatus status;
        StrategyCounts strategy;
        try
        {
            await Task.Run(() => SteadyState.Await(visible, plan.WarmUp, () => EngineRound.IsBookLive(client.Engine, client.Instrument.Id),
                Remaining(deadline, clock), "the engine")).ConfigureAwait(false);
            long bytesBefore = EngineRound.SettledThreadBytes(client.Engine);
            start = visible.Count;
            var cpuBefore = ProcessCpu.Now();
            AllocationSampler.Recording = true;
            using (sideLoad?.Invoke(client))
                reached = await Task.Run(() => visible.WaitReached(Remaining(deadline, clock))).ConfigureAwait(false);
            AllocationSampler.Recording = false;
            cpu = ProcessCpu.Now() - cpuBefore;
            allocated = client.HotThreadBytes() - bytesBefore;
            end = visible.Count;
            allocatedMessages = end - start;
            status = client.Engine.GetStatus();
            strategy = StrategyCounts.Of(client.Strategy);
        }
        finally
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        ReplayerConnections.WaitAllClosed(replayer, TimeSpan.FromSeconds(10));
        var (latency, _, _) = RoundAnalysis.Analyze(feed, sends, 0, visible, start, end);
        long counted = Math.Max(0, end - 1 - start);
        double seconds = counted > 0 ? (visible.VisibleAt(end - 1) - visible.VisibleAt(start)) / (double)Stopwatch.Frequency : 0;
        return new LoadRound(latency, counted, seconds, reached, DeliveryCount.Of(feed, sends, 0, visible), allocated, allocatedMessages, cpu,
            status, strategy, GcCounts.Now().Since(gcBefore));
    }

    private static TimeSpan Remaining(TimeSpan deadline, Stopwatch clock)
    {
        var left = deadline - clock.Elapsed;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
