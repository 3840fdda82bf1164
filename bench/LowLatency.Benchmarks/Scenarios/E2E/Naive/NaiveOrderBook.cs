using System.Globalization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>
/// The peer's full-depth book: two <see cref="SortedDictionary{TKey, TValue}"/> of decimal prices,
/// synchronised the way Binance documents (REST snapshot, then diffs bridged by update ids).
/// </summary>
public sealed class NaiveOrderBook
{
    private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    /// <summary>Update id of the last snapshot or diff applied.</summary>
    public long LastUpdateId { get; private set; }

    public void Load(DepthSnapshotDto snapshot)
    {
        _bids.Clear();
        _asks.Clear();
        Apply(_bids, snapshot.Bids);
        Apply(_asks, snapshot.Asks);
        LastUpdateId = snapshot.LastUpdateId;
    }

    public void Apply(DepthUpdateDto diff)
    {
        Apply(_bids, diff.Bids);
        Apply(_asks, diff.Asks);
        LastUpdateId = diff.FinalUpdateId;
    }

    public NaiveBookTop Top(int depth, long eventTimeMs) =>
        new(_bids.Take(depth).Select(l => new NaiveLevel(l.Key, l.Value)).ToList(),
            _asks.Take(depth).Select(l => new NaiveLevel(l.Key, l.Value)).ToList(),
            LastUpdateId, eventTimeMs);

    private static void Apply(SortedDictionary<decimal, decimal> side, List<string[]> levels)
    {
        foreach (var level in levels)
        {
            var price = decimal.Parse(level[0], CultureInfo.InvariantCulture);
            var quantity = decimal.Parse(level[1], CultureInfo.InvariantCulture);
            if (quantity == 0)
                side.Remove(price);
            else
                side[price] = quantity;
        }
    }
}
