using LowLatency.Feeds.Books;

namespace LowLatency.Feeds.Pipeline;

/// <summary>Snapshot requests of books, oldest first, until a snapshot for the instrument arrives.</summary>
/// <remarks>
/// Offline, nobody fetches anything: the capture already holds the REST responses. The queue
/// tells the parser which instrument an anonymous snapshot body belongs to (Binance spot and
/// USD-M snapshots carry no symbol): the one that asked first.
/// </remarks>
public sealed class SnapshotRequestQueue : IBookResyncHandler
{
    private readonly List<int> _pending = [];

    /// <summary>Requests made so far.</summary>
    public long Total { get; private set; }

    /// <summary>The instrument that has waited longest, or -1 when none waits.</summary>
    public int Oldest => _pending.Count > 0 ? _pending[0] : -1;

    /// <summary>Instruments waiting, oldest first.</summary>
    public IReadOnlyList<int> Pending => _pending;

    /// <inheritdoc />
    public void OnSnapshotRequired(int instrumentId, ResyncReason reason)
    {
        Total++;
        if (!_pending.Contains(instrumentId))
            _pending.Add(instrumentId);
    }

    /// <summary>A snapshot for <paramref name="instrumentId"/> arrived.</summary>
    public void Satisfied(int instrumentId) => _pending.Remove(instrumentId);
}
