using System.Text.Json;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>Writes the demo summary as JSON (<c>--json PATH</c>).</summary>
/// <remarks>
/// Keys: <c>messages</c>, <c>events</c>, <c>latency_us</c> (per stage: <c>p50</c>, <c>p99</c>,
/// <c>p99_9</c>, <c>max</c>), <c>allocated_bytes_per_message</c> (per hot thread),
/// <c>gc_collections</c> (<c>gen0</c>, <c>gen1</c>, <c>gen2</c>), <c>instruments</c> (each with its
/// <c>state</c>), plus the run, ring, feed and connection figures.
/// </remarks>
public static class DemoSummaryWriter
{
    /// <summary>Writes <paramref name="summary"/> to <paramref name="path"/>.</summary>
    public static void Write(DemoSummary summary, string path)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = File.Create(path);
        Write(summary, stream);
    }

    /// <summary>Writes <paramref name="summary"/> to <paramref name="stream"/>.</summary>
    public static void Write(DemoSummary summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var status = summary.Final.Status;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("duration_s", Math.Round(summary.Duration.TotalSeconds, 3));
        w.WriteString("speed", summary.Speed);
        w.WriteStartArray("recordings");
        foreach (var recording in summary.Recordings)
            w.WriteStringValue(recording);
        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var skipped in summary.Skipped)
            w.WriteStringValue(skipped);
        w.WriteEndArray();
        w.WriteNumber("messages", status.Messages);
        w.WriteNumber("events", status.Events);
        w.WriteNumber("parse_errors", status.ParseErrors);
        EngineFiguresJson.WriteLatency(w, status.Latency);
        if (summary.SteadyStateFrom is { } steady)
            w.WriteNumber("steady_state_from_s", Math.Round(steady.TotalSeconds, 3));
        else
            w.WriteNull("steady_state_from_s");
        w.WriteStartObject("allocated_bytes_per_message");
        foreach (var (thread, bytes) in summary.AllocatedBytesPerMessage)
            w.WriteNumber(thread, bytes);
        w.WriteEndObject();
        EngineFiguresJson.WriteGc(w, summary.Gc);
        w.WriteStartObject("ring");
        w.WriteNumber("capacity", status.Ring.Capacity);
        w.WriteNumber("max_occupancy", summary.MaxRingOccupancy);
        w.WriteNumber("overruns", status.Ring.Overruns);
        w.WriteString("policy", status.Ring.Policy.ToString());
        w.WriteEndObject();
        w.WriteStartObject("feed");
        w.WriteNumber("cache_hits", status.Feed.CacheHits);
        w.WriteNumber("waits", status.Feed.Waits);
        w.WriteNumber("fallbacks", status.Feed.Fallbacks);
        w.WriteEndObject();
        w.WriteNumber("resyncs", status.Resyncs);
        w.WriteNumber("checksum_failures", status.ChecksumFailures);
        w.WriteNumber("reconnects", status.Reconnects);
        w.WriteStartArray("instruments");
        foreach (var i in summary.Final.Instruments)
        {
            w.WriteStartObject();
            w.WriteString("venue", i.Venue);
            w.WriteString("symbol", i.Symbol);
            w.WriteString("state", i.State.ToString());
            w.WriteString("reason", i.Reason);
            w.WriteString("bid", i.Bid);
            w.WriteString("ask", i.Ask);
            w.WriteNumber("messages", i.Messages);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("connections");
        foreach (var c in status.Connections.Connections)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Key);
            w.WriteString("state", c.State.ToString());
            w.WriteNumber("messages", c.Messages);
            w.WriteNumber("reconnects", c.Reconnects);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
