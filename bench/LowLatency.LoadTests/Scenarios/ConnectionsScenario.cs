using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;
using LowLatency.LoadTests.Reporting;
using LowLatency.LoadTests.Running;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>
/// <c>connections</c>: N engines, each with its own connection, on one replayer that plays the
/// capture to every connection at <c>--rate</c>; per connection and in total: wire → visible
/// latency, visible rate, sent/visible/lost, hot-thread bytes per message.
/// </summary>
/// <remarks>
/// An engine keeps one connection per venue, so N connections to the same venue take N engines;
/// each brings its reader and three consumer threads, which on a small machine is the load being
/// measured as much as the connections themselves.
/// </remarks>
public sealed class ConnectionsScenario : ILoadScenario
{
    public string Name => "connections";

    public string Description => "N engines (one connection each) on one replayer at --rate each";

    public async Task<LoadReport> RunAsync(LoadContext context)
    {
        var options = context.Options;
        var feed = context.Feed;
        int n = options.Connections;
        var report = new LoadReport(Name, context.Command);
        int messages = (int)Math.Clamp(options.Rate * options.Duration.TotalSeconds, 2_000, feed.Count);
        var plan = LoadContext.Plan(messages);
        report.Parameter("capture", $"{feed.Feed.Source} ({feed.Count:N0} messages)");
        report.Parameter("connections", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Parameter("rate per connection", $"{options.Rate:N0} msg/s");
        report.Parameter("messages per connection", $"{messages:N0} (warm-up {plan.WarmUp:N0})");

        var sends = new SendLog(feed.Count, n);
        var logs = Enumerable.Range(0, n).Select(_ => new VisibilityLog(feed.Count)).ToArray();
        var clients = new List<EngineClient>(n);
        var gcBefore = GcCounts.Now();
        var deadline = TimeSpan.FromSeconds(30 + messages / options.Rate * 3);
        var reached = new bool[n];
        var bytes = new long[n];
        var starts = new int[n];
        var ends = new int[n];
        var statuses = new EngineStatus[n];
        await using (var replayer = Replayer.Start(feed.Feed, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(feed.SpeedFactorFor(options.Rate)),
            AtEnd = ReplayEndBehavior.KeepOpen,
            SendObserver = sends,
        }))
        {
            sends.Arm();
            try
            {
                for (int k = 0; k < n; k++)
                {
                    clients.Add(await EngineClient.StartAsync(replayer, logs[k], plan).ConfigureAwait(false));
                    // Connection k must be accepted before k+1 connects: the send log tells connections apart by accept order.
                    var accept = Stopwatch.StartNew();
                    while (replayer.Statistics.ConnectionsAccepted < k + 1 && accept.Elapsed < TimeSpan.FromSeconds(10))
                        await Task.Delay(1).ConfigureAwait(false);
                }
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, n).Select(k => Task.Run(() =>
                {
                    starts[k] = SteadyState.Await(logs[k], plan.WarmUp, () => EngineRound.IsBookLive(clients[k].Engine, clients[k].Instrument.Id),
                        deadline, $"engine {k + 1}");
                    long before = clients[k].HotThreadBytes();
                    var left = deadline - clock.Elapsed;
                    reached[k] = logs[k].WaitReached(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    bytes[k] = clients[k].HotThreadBytes() - before;
                    ends[k] = logs[k].Count;
                }))).ConfigureAwait(false);
                for (int k = 0; k < n; k++)
                    statuses[k] = clients[k].Engine.GetStatus();
            }
            finally
            {
                foreach (var client in clients)
                    await client.DisposeAsync().ConfigureAwait(false);
            }
            ReplayerConnections.WaitAllClosed(replayer, TimeSpan.FromSeconds(10));
        }
        var gc = GcCounts.Now().Since(gcBefore);

        var total = new LatencyHistogram();
        long firstVisible = long.MaxValue, lastVisible = long.MinValue, counted = 0, sent = 0, visible = 0, lost = 0, allBytes = 0, allMessages = 0;
        for (int k = 0; k < clients.Count; k++)
        {
            var log = logs[k];
            var (latency, rate, _) = RoundAnalysis.Analyze(feed, sends, k, log, starts[k], ends[k]);
            var delivery = DeliveryCount.Of(feed, sends, k, log);
            long allocatedMessages = ends[k] - starts[k];
            total.Add(latency);
            if (allocatedMessages > 1)
            {
                firstVisible = Math.Min(firstVisible, log.VisibleAt(starts[k]));
                lastVisible = Math.Max(lastVisible, log.VisibleAt(ends[k] - 1));
                counted += allocatedMessages - 1;
            }
            sent += delivery.Sent;
            visible += delivery.Visible;
            lost += delivery.Lost;
            allBytes += bytes[k];
            allMessages += allocatedMessages;
            report.Row($"connection {k + 1}")
                .With("reached", reached[k] ? 1 : 0)
                .With("visible_msg_s", Math.Round(rate))
                .With("sent", delivery.Sent)
                .With("visible", delivery.Visible)
                .With("lost", delivery.Lost)
                .With("ring_overruns", statuses[k].Ring.Overruns)
                .With("parse_errors", statuses[k].ParseErrors)
                .With("hot_B_per_msg", allocatedMessages > 0 ? Math.Round((double)bytes[k] / allocatedMessages, 2) : 0)
                .WithLatency("wire_to_visible", LatencySummary.Of(latency));
        }
        double seconds = lastVisible > firstVisible ? (lastVisible - firstVisible) / (double)Stopwatch.Frequency : 0;
        report.Row("all")
            .With("reached", reached.Count(r => r))
            .With("visible_msg_s", seconds > 0 ? Math.Round(counted / seconds) : 0)
            .With("sent", sent)
            .With("visible", visible)
            .With("lost", lost)
            .With("hot_B_per_msg", allMessages > 0 ? Math.Round((double)allBytes / allMessages, 2) : 0)
            .With("gc0", gc.Gen0)
            .With("gc1", gc.Gen1)
            .With("gc2", gc.Gen2)
            .WithLatency("wire_to_visible", LatencySummary.Of(total));
        report.Note("Each connection plays the capture from its start on its own timeline; wire_to_visible is per message from the replayer's socket write to that engine's cache, warm-up excluded.");
        report.Note("all/visible_msg_s: counted messages of every connection over the window from the first to the last of them becoming visible on any connection.");
        return report;
    }
}
