using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LowLatency.LoadTests.Reporting;

/// <summary>The outcome of one load scenario: parameters, rows of measured figures, and notes on how they were measured.</summary>
public sealed class LoadReport
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];
    private readonly List<LoadRow> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>Creates the report of <paramref name="scenario"/>.</summary>
    public LoadReport(string scenario, string command)
    {
        Scenario = scenario;
        Command = command;
        Date = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Machine = MachineDescription.Current();
    }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>The command line.</summary>
    public string Command { get; }

    /// <summary>When it ran (UTC).</summary>
    public string Date { get; }

    /// <summary>Where it ran.</summary>
    public MachineDescription Machine { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<LoadRow> Rows => _rows;

    /// <summary>Records a parameter of the run.</summary>
    public void Parameter(string name, string value) => _parameters.Add(new(name, value));

    /// <summary>Adds a row.</summary>
    public LoadRow Row(string label)
    {
        var row = new LoadRow(label);
        _rows.Add(row);
        return row;
    }

    /// <summary>Adds a note (how a figure was measured, what it includes).</summary>
    public void Note(string note) => _notes.Add(note);

    /// <summary>
    /// The report as plain-text tables: consecutive rows with the same figures share a table, one
    /// column per figure, then each latency's percentiles.
    /// </summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"load scenario '{Scenario}' on {Machine.Cores} cores, {Machine.Cpu}, {Machine.Runtime} ({Date})");
        foreach (var (name, value) in _parameters)
            sb.AppendLine(inv, $"  {name}: {value}");
        for (int first = 0; first < _rows.Count;)
        {
            int next = first + 1;
            while (next < _rows.Count && SameShape(_rows[first], _rows[next]))
                next++;
            AppendTable(sb, _rows.GetRange(first, next - first));
            first = next;
        }
        foreach (var note in _notes)
            sb.AppendLine(inv, $"  note: {note}");
        return sb.ToString();
    }

    /// <summary>The report as JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", Scenario);
            w.WriteString("command", Command);
            w.WriteString("date", Date);
            w.WriteStartObject("machine");
            w.WriteNumber("cores", Machine.Cores);
            w.WriteString("cpu", Machine.Cpu);
            w.WriteString("os", Machine.Os);
            w.WriteString("runtime", Machine.Runtime);
            w.WriteString("gc", Machine.Gc);
            w.WriteEndObject();
            w.WriteStartObject("parameters");
            foreach (var (name, value) in _parameters)
                w.WriteString(name, value);
            w.WriteEndObject();
            w.WriteStartArray("rows");
            foreach (var row in _rows)
            {
                w.WriteStartObject();
                w.WriteString("label", row.Label);
                foreach (var (name, value) in row.Figures)
                    w.WriteNumber(name, Math.Round(value, 3));
                w.WriteStartObject("latency_us");
                foreach (var (name, l) in row.Latencies)
                {
                    w.WriteStartObject(name);
                    w.WriteNumber("count", l.Count);
                    w.WriteNumber("p50", Math.Round(l.P50, 3));
                    w.WriteNumber("p90", Math.Round(l.P90, 3));
                    w.WriteNumber("p99", Math.Round(l.P99, 3));
                    w.WriteNumber("p99_9", Math.Round(l.P999, 3));
                    w.WriteNumber("max", Math.Round(l.Max, 3));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in _notes)
                w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool SameShape(LoadRow a, LoadRow b) =>
        a.Figures.Select(f => f.Key).SequenceEqual(b.Figures.Select(f => f.Key)) && a.Latencies.Select(l => l.Key).SequenceEqual(b.Latencies.Select(l => l.Key));

    private static void AppendTable(StringBuilder sb, List<LoadRow> rows)
    {
        var header = new List<string> { "" };
        header.AddRange(rows[0].Figures.Select(f => f.Key));
        foreach (var (latency, _) in rows[0].Latencies)
            header.AddRange([$"{latency} p50 µs", "p90", "p99", "p99.9", "max"]);
        var lines = new List<List<string>> { header };
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Label };
            cells.AddRange(row.Figures.Select(f => Format(f.Value)));
            foreach (var (_, l) in row.Latencies)
                cells.AddRange(l.Count == 0 ? ["—", "—", "—", "—", "—"] : [Format(l.P50), Format(l.P90), Format(l.P99), Format(l.P999), Format(l.Max)]);
            lines.Add(cells);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => lines.Max(l => l[c].Length)).ToArray();
        foreach (var line in lines)
        {
            sb.Append("  ");
            for (int c = 0; c < header.Count; c++)
                sb.Append(c == 0 ? line[c].PadRight(widths[c]) : "  " + line[c].PadLeft(widths[c]));
            sb.AppendLine();
        }
    }

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        _ when value == Math.Floor(value) => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
