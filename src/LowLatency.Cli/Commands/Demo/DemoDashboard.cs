using System.Globalization;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Quality;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>The live terminal dashboard of the demo (Spectre.Console).</summary>
public static class DemoDashboard
{
    /// <summary>The dashboard for one frame.</summary>
    public static IRenderable Render(DemoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var status = frame.Status;
        var header = new Markup(Invariant(
            $"[bold]LowLatency demo[/] - recorded feeds replayed over loopback WebSocket at [bold]{frame.Speed}[/]   {frame.Elapsed.TotalSeconds:0.0} s / {frame.Duration.TotalSeconds:0} s   [bold]{frame.MessagesPerSecond:N0}[/] msg/s   {status.Messages:N0} messages, {status.Events:N0} events"));
        return new Rows(header, Instruments(frame), new Columns(Latency(status), Engine(status)), Connections(status));
    }

    private static Table Instruments(DemoFrame frame)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("instruments");
        table.AddColumns("venue", "symbol", "bid", "ask", "state", "msg/s", "messages", "why");
        foreach (var row in frame.Instruments)
        {
            table.AddRow(
                Markup.Escape(row.Venue), Markup.Escape(row.Symbol), row.Bid ?? "-", row.Ask ?? "-",
                $"[{Colour(row.State)}]{row.State}[/]", Invariant($"{row.MessagesPerSecond:N0}"), Invariant($"{row.Messages:N0}"),
                Markup.Escape(row.Reason));
        }
        return table;
    }

    private static Table Latency(EngineStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("latency from receive (µs)");
        table.AddColumns("stage", "p50", "p99", "p99.9", "max", "samples");
        foreach (var (stage, p) in status.Latency)
            table.AddRow(stage.ToString(), Micros(p.P50), Micros(p.P99), Micros(p.P999), Micros(p.Max), Invariant($"{p.Count:N0}"));
        return table;
    }

    private static Table Engine(EngineStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("engine");
        table.AddColumns("figure", "value");
        table.AddRow("ring occupancy", Invariant($"{status.Ring.Occupancy:N0} / {status.Ring.Capacity:N0} ({status.Ring.Policy})"));
        table.AddRow("ring overruns", Invariant($"{status.Ring.Overruns:N0}"));
        table.AddRow("feed hits / waits / REST", Invariant($"{status.Feed.CacheHits:N0} / {status.Feed.Waits:N0} / {status.Feed.Fallbacks:N0}"));
        table.AddRow("resyncs / checksum failures", Invariant($"{status.Resyncs:N0} / {status.ChecksumFailures:N0}"));
        table.AddRow("reconnects", Invariant($"{status.Reconnects:N0}"));
        table.AddRow("GC gen0 / gen1 / gen2 (process)", Invariant($"{status.Gc.Gen0} / {status.Gc.Gen1} / {status.Gc.Gen2}"));
        return table;
    }

    private static Table Connections(EngineStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("connections");
        table.AddColumns("key", "state", "subscribers", "topics", "messages", "reconnects", "last error");
        foreach (var c in status.Connections.Connections)
        {
            table.AddRow(c.Key, c.State.ToString(), c.Subscribers.ToString(CultureInfo.InvariantCulture), c.Topics.Count.ToString(CultureInfo.InvariantCulture),
                Invariant($"{c.Messages:N0}"), c.Reconnects.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Error ?? "-"));
        }
        return table;
    }

    private static string Colour(DataQuality quality) => quality switch
    {
        DataQuality.Synced => "green",
        DataQuality.Resyncing => "yellow",
        DataQuality.Degraded => "blue",
        _ => "red",
    };

    private static string Micros(long nanoseconds) => Invariant($"{nanoseconds / 1000.0:N1}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
