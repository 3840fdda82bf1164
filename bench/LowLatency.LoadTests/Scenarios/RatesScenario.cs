using System.Diagnostics;
using System.Globalization;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.LoadTests.Reporting;
using LowLatency.LoadTests.Running;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>
/// <c>rates</c>: a paced ramp. For each rate (messages per second on average, then as fast as
/// possible) a replayer plays the capture to one engine, round after round (a fresh engine and
/// connection each), for the step's share of <c>--duration</c>; per step: wire → visible latency
/// percentiles, the visible rate, sent/visible/lost counts, ring overruns, gaps, hot-thread bytes
/// per message and GC counts.
/// </summary>
public sealed class RatesScenario : ILoadScenario
{
    public string Name => "rates";

    public string Description => "paced ramp, one engine: latency percentiles, throughput and losses per rate";

    public async Task<LoadReport> RunAsync(LoadContext context)
    {
        var options = context.Options;
        var feed = context.Feed;
        var report = new LoadReport(Name, context.Command);
        var stepTime = options.Duration / options.Rates.Count;
        report.Parameter("capture", $"{feed.Feed.Source} ({feed.Count:N0} messages, {feed.RecordedRate:0.#} msg/s as recorded)");
        report.Parameter("steps", string.Join(", ", options.Rates.Select(Label)));
        report.Parameter("time per step", $"{stepTime.TotalSeconds:0.##} s (at least one round)");
        var visible = new VisibilityLog(feed.Count);
        foreach (var rate in options.Rates)
        {
            // Connection numbers start over with each replayer, so each gets its own send log.
            var sends = new SendLog(feed.Count);
            var speed = rate is { } r ? ReplaySpeed.Times(feed.SpeedFactorFor(r)) : ReplaySpeed.Max;
            int messages = rate is { } perSecond ? (int)Math.Clamp(perSecond * stepTime.TotalSeconds, 2_000, feed.Count) : feed.Count;
            var plan = LoadContext.Plan(messages);
            var deadline = TimeSpan.FromSeconds(30) + (rate is { } pace ? TimeSpan.FromSeconds(messages / pace * 2) : TimeSpan.FromSeconds(60));
            var figures = new RoundFigures();
            await using (var replayer = Replayer.Start(feed.Feed, new ReplayerOptions { Speed = speed, AtEnd = ReplayEndBehavior.KeepOpen, SendObserver = sends }))
            {
                var clock = Stopwatch.StartNew();
                do
                {
                    figures.Add(await LoadRoundRunner.RunAsync(feed, replayer, sends, visible, plan, deadline).ConfigureAwait(false));
                }
                while (clock.Elapsed < stepTime);
            }
            var row = report.Row(Label(rate)).With("target_msg_s", rate ?? 0).With("msgs_per_round", messages);
            figures.Fill(row);
            Console.WriteLine($"  {Label(rate)}: {figures.Rate:N0} msg/s visible, p99 {figures.Latency.GetValueAtPercentile(99) / 1e3:0.0} µs");
        }
        report.Note("wire_to_visible: from the replayer's socket write of the batch holding the message (stamped just before the write) to right after the engine's cache consumer applied it; per message, counted once a tenth of the round (at most 2,000) is visible and the book is in sync; Core's LatencyHistogram.");
        report.Note("visible_msg_s: counted messages over the time between the first and the last of them becoming visible; at max speed the replayer is ahead, so it is the engine's sustained rate.");
        report.Note("lost: messages the replayer wrote to the connection before the last visible one that never became visible (the pipeline keeps order).");
        report.Note("cpu_us_per_msg: process CPU time (every thread, the replayer's included; clock_gettime(CLOCK_PROCESS_CPUTIME_ID)) over the counted part, per counted message.");
        report.Note("hot_B_per_msg: bytes allocated on the engine's reader and consumer threads (each samples GC.GetAllocatedBytesForCurrentThread itself) after the warm-up, per visible message; gc0/1/2: process-wide collections during the step, each round's engine construction included (its 6 MiB ring and caches go to the large-object heap, whose collections are gen2).");
        return report;
    }

    private static string Label(double? rate) => rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) + " msg/s" : "max";
}
