using System.Diagnostics;
using System.Runtime;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Benchmarks.Scenarios.E2E.Naive;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E;

/// <summary>
/// Once per process, before the first e2e round is measured: plays the capture through both
/// pipelines a few times, each run followed by a pause until the JIT has gone quiet, so measured
/// rounds run the code a long-running process runs.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> .NET first compiles a method without optimizations (tier 0) and recompiles it
/// optimized (after an instrumented tier that collects profile data) only once it was called 30
/// times <i>and</i> no other method was compiled for 100 ms. Rounds that follow each other back to
/// back, each building a new pipeline (and so compiling its cold setup code), keep postponing the
/// recompilation: a pipeline's per-message code can run unoptimized for many rounds, while the
/// background compiler competes for the two cores. The two sides are not hit alike: most of the
/// peer's per-message work is in framework assemblies, which ship precompiled (ReadyToRun), whereas
/// all of our engine is compiled at run time. On the 2-core VM our reader thread spent 40-60 ms of
/// CPU per 15,000-message round until its code was optimized, 17-20 ms after.</para>
/// <para><b>How.</b> Two max-speed runs of each side, alternating, each followed by
/// <see cref="WaitQuiet"/>: the quiet time a long-running process has anyway. Both sides get the
/// same, and the measured rounds themselves are unchanged.</para>
/// </remarks>
internal static class JitWarmUp
{
    private const int RunsPerSide = 2;
    private static readonly RoundPlan Run = new(WarmUp: 4_000, Messages: 20_000);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);
    private static readonly Lock Gate = new();
    private static bool s_done;

    /// <summary>Warms both pipelines on <paramref name="feed"/> unless this process did already.</summary>
    public static void Once(E2EFeed feed)
    {
        lock (Gate)
        {
            if (s_done)
                return;
            s_done = true;
            var sends = new SendLog(feed.Count);
            var visible = new VisibilityLog(feed.Count);
            var plan = Run with { Messages = Math.Min(Run.Messages, feed.Count) };
            var replayer = Replayer.Start(feed.Feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen, SendObserver = sends });
            try
            {
                for (int run = 0; run < RunsPerSide; run++)
                {
                    Warm(() => EngineRound.Run(feed, replayer, sends, visible, plan));
                    Warm(() => NaiveRound.Run(feed, replayer, sends, visible, plan));
                }
            }
            finally
            {
                replayer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static void Warm(Func<RoundMeasurement> run)
    {
        try
        {
            run();
        }
        catch (BookNotSyncedException)
        {
            // A cold first run may miss the capture's one snapshot; its code ran all the same.
        }
        WaitQuiet();
    }

    /// <summary>Sleeps until no method was compiled for <see cref="QuietPeriod"/>, or <see cref="MaxWait"/> passed.</summary>
    private static void WaitQuiet()
    {
        var clock = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed - quietSince < QuietPeriod && clock.Elapsed < MaxWait)
        {
            Thread.Sleep(10);
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
        }
    }
}
