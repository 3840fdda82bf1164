using System.Globalization;

namespace LowLatency.LoadTests.Cli;

/// <summary>
/// <c>--scenario NAME [--duration S] [--json PATH]</c> and the knobs of each scenario:
/// <c>--rates 10000,50000,max</c> (rates), <c>--connections N</c> (connections),
/// <c>--readers M</c> (readers), <c>--fault SPEC</c> (faults, repeatable), <c>--rate R</c>
/// (the paced rate of connections, readers and faults), <c>--fixture PATH</c> (a Binance spot
/// capture) and <c>--trace-allocations</c>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "usage: --scenario rates|connections|readers|faults [--duration S] [--json PATH] [--rates R1,R2,...,max] [--rate R] " +
        "[--connections N] [--readers M] [--fault SPEC]... [--fixture PATH] [--trace-allocations]";

    /// <summary>The scenario to run.</summary>
    public required string Scenario { get; init; }

    /// <summary>About how long the scenario runs in all.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where to write the JSON report (a Markdown-free table always goes to stdout).</summary>
    public string? JsonPath { get; init; }

    /// <summary>The Binance spot capture to replay; null uses the repository's hftbacktest BTCUSDT fixture.</summary>
    public string? Fixture { get; init; }

    /// <summary>The steps of the rates ramp, messages per second (null: as fast as possible).</summary>
    public IReadOnlyList<double?> Rates { get; init; } = [10_000, 25_000, 50_000, 100_000, 200_000, null];

    /// <summary>The paced rate of the connections, readers and faults scenarios (per connection).</summary>
    public double Rate { get; init; } = 50_000;

    /// <summary>Engine connections (one engine each) of the connections scenario.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Reader threads of the readers scenario.</summary>
    public int Readers { get; init; } = 2;

    /// <summary>Replayer faults of the faults scenario (<c>FaultSpec</c> syntax).</summary>
    public IReadOnlyList<string> Faults { get; init; } = ["drop:every=4000", "corrupt:every=5000,seed=3", "duplicate:every=7000", "disconnect:after=20000"];

    /// <summary>Samples which types the hot threads allocate and prints them after the report.</summary>
    public bool TraceAllocations { get; init; }

    /// <summary>Parses the command line.</summary>
    /// <exception cref="LoadUsageException">An argument is unknown, incomplete or out of range.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? scenario = null, json = null, fixture = null;
        var duration = TimeSpan.FromSeconds(10);
        IReadOnlyList<double?>? rates = null;
        double rate = 50_000;
        int connections = 4, readers = 2;
        var faults = new List<string>();
        bool trace = false;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "--scenario": scenario = Value(args, ref i); break;
                case "--json": json = Value(args, ref i); break;
                case "--fixture": fixture = Value(args, ref i); break;
                case "--duration": duration = TimeSpan.FromSeconds(Number(name, Value(args, ref i), min: 0.1)); break;
                case "--rates": rates = [.. Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r == "max" ? (double?)null : Number(name, r, min: 1))]; break;
                case "--rate": rate = Number(name, Value(args, ref i), min: 1); break;
                case "--connections": connections = (int)Number(name, Value(args, ref i), min: 1); break;
                case "--readers": readers = (int)Number(name, Value(args, ref i), min: 1); break;
                case "--fault": faults.Add(Value(args, ref i)); break;
                case "--trace-allocations": trace = true; break;
                default: throw new LoadUsageException($"Received unknown argument '{name}'; {Usage}");
            }
        }
        if (scenario is null)
            throw new LoadUsageException($"Received no --scenario; {Usage}");
        var options = new LoadOptions
        {
            Scenario = scenario,
            Duration = duration,
            JsonPath = json,
            Fixture = fixture,
            Rate = rate,
            Connections = connections,
            Readers = readers,
            TraceAllocations = trace,
        };
        if (rates is not null)
            options = options with { Rates = rates };
        if (faults.Count > 0)
            options = options with { Faults = faults };
        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
            throw new LoadUsageException($"Received '{args[i]}' without a value; {Usage}");
        return args[++i];
    }

    private static double Number(string name, string text, double min)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min)
            throw new LoadUsageException($"Received {name} '{text}'; expected a number of at least {min.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }
}
