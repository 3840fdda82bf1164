using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.LoadTests.Reporting;
using LowLatency.LoadTests.Running;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>
/// <c>readers</c>: one engine fed at <c>--rate</c> while <c>--readers</c> threads read its ticker and
/// book snapshots in a tight loop, through the seqlock caches and through the unified feed; per
/// operation: read latency percentiles and reads per second; plus the engine's own wire → visible
/// latency under that read load.
/// </summary>
public sealed class ReadersScenario : ILoadScenario
{
    public string Name => "readers";

    public string Description => "M threads hammering GetTicker/GetBook snapshots while data flows";

    public async Task<LoadReport> RunAsync(LoadContext context)
    {
        var options = context.Options;
        var feed = context.Feed;
        var report = new LoadReport(Name, context.Command);
        int messages = (int)Math.Clamp(options.Rate * options.Duration.TotalSeconds, 2_000, feed.Count);
        var plan = LoadContext.Plan(messages);
        report.Parameter("capture", $"{feed.Feed.Source} ({feed.Count:N0} messages)");
        report.Parameter("rate", $"{options.Rate:N0} msg/s");
        report.Parameter("readers", options.Readers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Parameter("messages per round", $"{messages:N0} (warm-up {plan.WarmUp:N0}); rounds repeat for {options.Duration.TotalSeconds:0.#} s");

        var sends = new SendLog(feed.Count);
        var visible = new VisibilityLog(feed.Count);
        var figures = new RoundFigures();
        var loads = new List<ReaderLoad>();
        var deadline = TimeSpan.FromSeconds(30 + messages / options.Rate * 3);
        await using (var replayer = Replayer.Start(feed.Feed, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(feed.SpeedFactorFor(options.Rate)),
            AtEnd = ReplayEndBehavior.KeepOpen,
            SendObserver = sends,
        }))
        {
            var clock = Stopwatch.StartNew();
            do
            {
                figures.Add(await LoadRoundRunner.RunAsync(feed, replayer, sends, visible, plan, deadline, client =>
                {
                    var load = new ReaderLoad(client, options.Readers);
                    loads.Add(load);
                    return load;
                }).ConfigureAwait(false));
            }
            while (clock.Elapsed < options.Duration);
        }

        double readSeconds = loads.Sum(l => l.Seconds);
        foreach (var operation in Enum.GetValues<ReadOperation>())
        {
            var latency = new Core.Metrics.LatencyHistogram();
            foreach (var load in loads)
                latency.Add(load.Latency(operation));
            report.Row(operation.ToString())
                .With("reads", latency.TotalCount)
                .With("reads_per_s", readSeconds > 0 ? Math.Round(latency.TotalCount / readSeconds) : 0)
                .With("from_rest", loads.Sum(l => l.FromRest(operation)))
                .With("B_per_read", latency.TotalCount > 0 ? Math.Round((double)loads.Sum(l => l.Allocated(operation)) / latency.TotalCount, 1) : 0)
                .WithLatency("read", LatencySummary.Of(latency));
        }
        figures.Fill(report.Row("engine under readers").With("crossed_reads", loads.Sum(l => l.Crossed)));
        report.Note("read: each read bracketed by two Stopwatch.GetTimestamp calls on the reader's thread (the figure includes one timer read); readers start after the warm-up and stop at the end of each round.");
        report.Note("TickerSnapshot/BookSnapshot are the seqlock caches (engine.Tickers/BookTops.TryGet); GetTicker/GetBook the unified feed (freshness check, then the cache; from_rest counts reads it served from REST).");
        report.Note("B_per_read: bytes the reader thread allocated inside the call (GC.GetAllocatedBytesForCurrentThread around it).");
        report.Note("crossed_reads: snapshots whose best bid was at or above the best ask (a torn read would show as one; the recorded market never crosses).");
        report.Note("engine under readers/wire_to_visible: replayer socket write to cache-visible per message while the readers run.");
        return report;
    }
}
