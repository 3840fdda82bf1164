namespace LowLatency.LoadTests.Reporting;

/// <summary>
/// One line of a load report: a label (the step, the connection, the read operation), named
/// figures in the order they were added, and named latency distributions.
/// </summary>
public sealed class LoadRow
{
    private readonly List<KeyValuePair<string, double>> _figures = [];
    private readonly List<KeyValuePair<string, LatencySummary>> _latencies = [];

    /// <summary>Creates a row labelled <paramref name="label"/>.</summary>
    public LoadRow(string label) => Label = label;

    /// <summary>What the row is about.</summary>
    public string Label { get; }

    /// <summary>Named figures (counts, rates, bytes), in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Figures => _figures;

    /// <summary>Named latency distributions (µs), in insertion order; the first is the row's headline.</summary>
    public IReadOnlyList<KeyValuePair<string, LatencySummary>> Latencies => _latencies;

    /// <summary>Adds a figure.</summary>
    public LoadRow With(string name, double value)
    {
        _figures.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a latency distribution.</summary>
    public LoadRow WithLatency(string name, LatencySummary latency)
    {
        _latencies.Add(new(name, latency));
        return this;
    }
}
