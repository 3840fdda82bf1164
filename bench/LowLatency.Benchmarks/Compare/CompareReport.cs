using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Compare;

/// <summary>The whole compare run: machine, command, date and one row per scenario.</summary>
public sealed record CompareReport(
    [property: JsonPropertyName("machine")] MachineReport Machine,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("results")] IReadOnlyList<ScenarioResult> Results)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Serializes to the JSON of BENCH.md.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A Markdown table of the same figures.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# Compare run").AppendLine();
        sb.AppendLine(inv, $"- command: `{Command}`");
        sb.AppendLine(inv, $"- date: {Date}");
        sb.AppendLine(inv, $"- machine: {Machine.Cores} cores, {Machine.Cpu}, {Machine.Os}, {Machine.Runtime}, GC {Machine.Gc}").AppendLine();
        sb.AppendLine("| scenario | unit | ours | peer | peer value | ratio (×, >1 = we win) | ours B/op | peer B/op | rounds | spread |");
        sb.AppendLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Results)
        {
            sb.AppendLine(inv, $"| `{r.Name}` | {r.Unit} | {Fmt(r.Ours)} | {r.Peer ?? "—"} | {Fmt(r.PeerValue)} | {(r.Ratio is { } x ? x.ToString("0.00", inv) : "—")} | {Fmt(r.OursAllocBytesPerOp)} | {Fmt(r.PeerAllocBytesPerOp)} | {r.Rounds} | {r.Spread.ToString("0.00", inv)} |");
            if (r.Error is not null)
                sb.AppendLine(inv, $"| ↳ error | {r.Error} |||||||||");
        }
        return sb.ToString();
    }

    private static string Fmt(double? v) => v switch
    {
        null => "—",
        >= 1000 => v.Value.ToString("N0", CultureInfo.InvariantCulture),
        _ => v.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}

/// <summary>The machine block of the report.</summary>
public sealed record MachineReport(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("cpu")] string Cpu,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("gc")] string Gc);
