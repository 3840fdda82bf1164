using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.LoadTests.Reporting;
using LowLatency.LoadTests.Running;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>
/// <c>faults</c>: one engine fed at <c>--rate</c> by a replayer injecting <c>--fault</c>s (drops,
/// corruption, duplicates, disconnects ...) for <c>--duration</c>; counts what the replayer did
/// (faults by kind, messages taken and sent, connections) against what the engine saw and did
/// (messages, parse errors, gaps, resyncs, reconnects, recoveries and how long they took, messages
/// made visible, messages lost).
/// </summary>
/// <remarks>
/// Each new connection (after a disconnect) replays the capture from its start, as a real
/// exchange resumes its stream: books go back in time, which the engine must detect and resync.
/// </remarks>
public sealed class FaultsScenario : ILoadScenario
{
    private const int MaxConnections = 4096;

    public string Name => "faults";

    public string Description => "replayer fault injection: gaps, resyncs, reconnects, messages lost vs recovered";

    public async Task<LoadReport> RunAsync(LoadContext context)
    {
        var options = context.Options;
        var feed = context.Feed;
        var faults = options.Faults.Select(FaultSpec.Parse).ToArray();
        var report = new LoadReport(Name, context.Command);
        report.Parameter("capture", $"{feed.Feed.Source} ({feed.Count:N0} messages)");
        report.Parameter("rate", $"{options.Rate:N0} msg/s");
        report.Parameter("faults", string.Join(" ", faults.Select(f => f.Text)));
        report.Parameter("duration", $"{options.Duration.TotalSeconds:0.#} s");

        var sends = new SendLog(feed.Count, MaxConnections);
        int capacity = (int)Math.Min(Array.MaxLength / 2, options.Rate * options.Duration.TotalSeconds * 2 + feed.Count);
        var visible = new VisibilityLog(capacity);
        var gcBefore = GcCounts.Now();
        EngineStatus status;
        StrategyCounts strategy;
        ReplayerStatistics replayed;
        await using (var replayer = Replayer.Start(feed.Feed, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(feed.SpeedFactorFor(options.Rate)),
            AtEnd = ReplayEndBehavior.KeepOpen,
            SendObserver = sends,
            Faults = faults,
        }))
        {
            sends.Arm();
            var client = await EngineClient.StartAsync(replayer, visible, new RoundPlan(1, capacity)).ConfigureAwait(false);
            try
            {
                await Task.Delay(options.Duration).ConfigureAwait(false);
                status = client.Engine.GetStatus();
                strategy = StrategyCounts.Of(client.Strategy);
                replayed = replayer.Statistics;
            }
            finally
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
            ReplayerConnections.WaitAllClosed(replayer, TimeSpan.FromSeconds(10));
        }
        var gc = GcCounts.Now().Since(gcBefore);

        long taken = 0;
        int connections = (int)Math.Min(replayed.ConnectionsAccepted, MaxConnections);
        for (int slot = 0; slot < connections; slot++)
        {
            for (int index = 0; index < feed.Count; index++)
            {
                if (sends.SentAt(slot, index) != 0)
                    taken++;
            }
        }
        long Injected(FaultKind kind) => replayed.FaultsInjected.TryGetValue(kind, out long n) ? n : 0;
        long duplicated = Injected(FaultKind.Duplicate);
        long dataMessages = status.ChannelMessages.Where(c => c.Channel != "heartbeat").Sum(c => c.Messages);
        var replayerRow = report.Row("replayer")
            .With("connections", replayed.ConnectionsAccepted)
            .With("taken", taken)
            .With("sent", replayed.MessagesSent);
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            if (Injected(kind) is var n and > 0)
                replayerRow.With("fault_" + kind.ToString().ToLowerInvariant(), n);
        }
        long lost = Math.Max(0, taken + duplicated - visible.Count);
        int synced = status.Quality.Count(q => q.State.Quality == DataQuality.Synced);
        report.Row("engine")
            .With("received", dataMessages)
            .With("parse_errors", status.ParseErrors)
            .With("visible", visible.Count)
            .With("lost", lost)
            .With("lost_to_drops", Injected(FaultKind.Drop))
            .With("lost_to_corruption", status.ParseErrors)
            .With("lost_otherwise", lost - Injected(FaultKind.Drop) - status.ParseErrors)
            .With("gaps", strategy.Gaps)
            .With("resyncs", status.Resyncs)
            .With("snapshot_requests", status.SnapshotRequests)
            .With("reconnects", status.Reconnects)
            .With("left_synced", strategy.Departures)
            .With("recovered", strategy.Recoveries)
            .With("synced_at_end", synced)
            .With("channels", status.Quality.Count)
            .With("ring_overruns", status.Ring.Overruns)
            .With("gc0", gc.Gen0)
            .With("gc1", gc.Gen1)
            .With("gc2", gc.Gen2)
            .WithLatency("recovery", LatencySummary.FromNanoseconds(strategy.RecoveryTimes));
        report.Note("taken: capture messages the replayer took for the client over all its connections (dropped ones included); sent: messages it wrote (a duplicate counts twice).");
        report.Note("lost = taken + duplicates - visible: messages that never reached the cache (dropped by the replayer, rejected as corrupt, or in flight when a connection was cut); a corrupted message that still parses is not caught (Binance has no checksum) and counts as visible.");
        report.Note("lost_to_drops: the replayer's drop faults; lost_to_corruption: messages the parser rejected; lost_otherwise: the rest (in flight when a connection was cut, or lost by the engine).");
        report.Note("left_synced/recovered: data-quality transitions seen by a strategy; recovery: time from leaving Synced to being Synced again, per recovery (µs).");
        report.Note("Each new connection replays the capture from its start, so books go back in time after a reconnect and must resync.");
        return report;
    }
}
