using System.Text.Json;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands;

/// <summary>Writes the engine figures the demo and replay reports share, under the same keys.</summary>
internal static class EngineFiguresJson
{
    /// <summary>Writes an object <c>gc_collections</c> with <c>gen0</c>, <c>gen1</c> and <c>gen2</c>.</summary>
    public static void WriteGc(Utf8JsonWriter w, GcCounts gc)
    {
        w.WriteStartObject("gc_collections");
        w.WriteNumber("gen0", gc.Gen0);
        w.WriteNumber("gen1", gc.Gen1);
        w.WriteNumber("gen2", gc.Gen2);
        w.WriteEndObject();
    }

    /// <summary>Writes an object <c>latency_us</c> with one object per stage (<c>p50</c>, <c>p99</c>, <c>p99_9</c>, <c>max</c> in µs, <c>samples</c>).</summary>
    public static void WriteLatency(Utf8JsonWriter w, IReadOnlyDictionary<LatencyStage, LatencyPercentiles> latency)
    {
        w.WriteStartObject("latency_us");
        foreach (var (stage, p) in latency)
        {
            w.WriteStartObject(Key(stage));
            w.WriteNumber("p50", Micros(p.P50));
            w.WriteNumber("p99", Micros(p.P99));
            w.WriteNumber("p99_9", Micros(p.P999));
            w.WriteNumber("max", Micros(p.Max));
            w.WriteNumber("samples", p.Count);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The stage's key: <c>parsed</c>, <c>published</c>, <c>cache_visible</c> or <c>signal</c>.</summary>
    public static string Key(LatencyStage stage) => stage switch
    {
        LatencyStage.Parsed => "parsed",
        LatencyStage.Published => "published",
        LatencyStage.CacheVisible => "cache_visible",
        _ => "signal",
    };

    private static double Micros(long nanoseconds) => Math.Round(nanoseconds / 1000.0, 3);
}
