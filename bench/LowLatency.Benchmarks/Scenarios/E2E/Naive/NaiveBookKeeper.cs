namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>
/// Keeps the peer's book in sync the way Binance documents it for spot: buffer diffs, fetch a REST
/// snapshot, drop diffs it already covers, apply the rest, then require each diff's first update
/// id to follow the previous diff's final one; a gap starts over.
/// </summary>
public sealed class NaiveBookKeeper
{
    private readonly NaiveOrderBook _book = new();
    private readonly List<DepthUpdateDto> _pending = [];
    private readonly Func<Task<DepthSnapshotDto>> _fetchSnapshot;
    private Task<DepthSnapshotDto>? _snapshot;
    private bool _synced;

    public NaiveBookKeeper(Func<Task<DepthSnapshotDto>> fetchSnapshot) => _fetchSnapshot = fetchSnapshot;

    /// <summary>Snapshots fetched because of a gap (after the first).</summary>
    public int Resyncs { get; private set; }

    public NaiveOrderBook Book => _book;

    /// <summary>True while the book is in sync (read from other threads without a fence: a hint for the harness).</summary>
    public bool IsSynced => Volatile.Read(ref _synced);

    /// <summary>Applies or buffers <paramref name="diff"/>; true when the book is in sync afterwards.</summary>
    public bool OnDiff(DepthUpdateDto diff)
    {
        if (_synced)
        {
            if (diff.FinalUpdateId <= _book.LastUpdateId)
                return true;
            if (diff.FirstUpdateId == _book.LastUpdateId + 1)
            {
                _book.Apply(diff);
                return true;
            }
            _synced = false;
            Resyncs++;
        }
        _pending.Add(diff);
        _snapshot ??= _fetchSnapshot();
        if (!_snapshot.IsCompleted)
            return false;
        var snapshot = _snapshot.GetAwaiter().GetResult();
        _snapshot = null;
        if (_pending[^1].FinalUpdateId <= snapshot.LastUpdateId)
            return false;
        _book.Load(snapshot);
        foreach (var pending in _pending)
        {
            if (pending.FinalUpdateId <= _book.LastUpdateId)
                continue;
            if (pending.FirstUpdateId > _book.LastUpdateId + 1)
            {
                // The snapshot is older than the buffered diffs reach back: fetch a newer one.
                _pending.RemoveAll(p => p.FinalUpdateId < pending.FirstUpdateId);
                _snapshot = _fetchSnapshot();
                return false;
            }
            _book.Apply(pending);
        }
        _pending.Clear();
        _synced = true;
        return true;
    }
}
