using System.Diagnostics;

namespace LowLatency.Benchmarks.Compare;

/// <summary>
/// Runs scenarios the BENCH.md way: warm-up, then interleaved rounds (ours, peer, ours, peer ...),
/// median of each side, ratio oriented so that above 1 means we win, and the spread of ours.
/// </summary>
public sealed class CompareRunner
{
    private readonly CompareContext _context;
    private readonly int _rounds;
    private readonly TextWriter _log;

    /// <summary>Creates a runner.</summary>
    public CompareRunner(CompareContext context, int rounds, TextWriter log)
    {
        if (rounds < 5)
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "BENCH.md asks for at least 5 rounds.");
        _context = context;
        _rounds = rounds;
        _log = log;
    }

    /// <summary>Measures one scenario; a failing scenario becomes a row with its error, not a crash.</summary>
    public ScenarioResult Run(ICompareScenario scenario)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            scenario.Setup(_context);
            Measure(scenario.RunOurs);
            if (scenario.Peer is not null)
                Measure(scenario.RunPeer);

            var ours = new List<(double Value, double AllocPerOp)>(_rounds);
            var peer = new List<(double Value, double AllocPerOp)>(_rounds);
            for (int i = 0; i < _rounds; i++)
            {
                ours.Add(Measure(scenario.RunOurs));
                if (scenario.Peer is not null)
                    peer.Add(Measure(scenario.RunPeer));
            }

            double oursMedian = Median(ours.Select(o => o.Value));
            double? peerMedian = peer.Count > 0 ? Median(peer.Select(p => p.Value)) : null;
            double? ratio = peerMedian is { } pv && oursMedian > 0 && pv > 0
                ? (scenario.HigherIsBetter ? oursMedian / pv : pv / oursMedian)
                : null;
            double spread = oursMedian == 0 ? 0 : (ours.Max(o => o.Value) - ours.Min(o => o.Value)) / oursMedian;
            var result = new ScenarioResult
            {
                Name = scenario.Name,
                Unit = scenario.Unit,
                HigherIsBetter = scenario.HigherIsBetter,
                Ours = Round(oursMedian),
                Peer = scenario.Peer,
                PeerValue = peerMedian is { } p2 ? Round(p2) : null,
                Ratio = ratio is { } r ? Math.Round(r, 3) : null,
                OursAllocBytesPerOp = Math.Round(Median(ours.Select(o => o.AllocPerOp)), 4),
                PeerAllocBytesPerOp = peer.Count > 0 ? Math.Round(Median(peer.Select(p => p.AllocPerOp)), 4) : null,
                Rounds = _rounds,
                Spread = Math.Round(spread, 3),
            };
            _log.WriteLine($"{scenario.Name,-32} ours {result.Ours,14:N1} {scenario.Unit,-8} peer {result.PeerValue?.ToString("N1") ?? "-",14} ratio {result.Ratio?.ToString("0.00") ?? "-",6}  alloc {result.OursAllocBytesPerOp}/{result.PeerAllocBytesPerOp?.ToString() ?? "-"} B/op  spread {result.Spread:0.00}  ({sw.Elapsed.TotalSeconds:0.0}s)");
            return result;
        }
        catch (Exception ex)
        {
            _log.WriteLine($"{scenario.Name,-32} FAILED: {ex.GetType().Name}: {ex.Message}");
            return new ScenarioResult
            {
                Name = scenario.Name, Unit = scenario.Unit, HigherIsBetter = scenario.HigherIsBetter, Ours = 0,
                Peer = scenario.Peer, OursAllocBytesPerOp = 0, Rounds = 0, Spread = 0,
                Error = $"{ex.GetType().Name}: {ex.Message}",
            };
        }
        finally
        {
            scenario.Cleanup();
        }
    }

    private static (double Value, double AllocPerOp) Measure(Func<RoundResult> round)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        RoundResult r = round();
        long after = GC.GetTotalAllocatedBytes(precise: true);
        long allocated = r.AllocatedBytes ?? (after - before);
        return (r.Value, r.Operations > 0 ? (double)allocated / r.Operations : 0);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
            return 0;
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double Round(double v) => Math.Abs(v) >= 100 ? Math.Round(v) : Math.Round(v, 3);
}
