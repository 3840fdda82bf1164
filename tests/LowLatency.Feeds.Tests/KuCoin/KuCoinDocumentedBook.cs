using System.Globalization;
using System.Text.Json;

namespace LowLatency.Feeds.Tests.KuCoin;

/// <summary>
/// An independent, literal rendering of KuCoin's level-2 guide (decimals, dictionaries, JSON
/// DOM) used as the reference the adapter's books are compared with: buffer updates, apply the
/// REST snapshot, skip every change whose own sequence is at or below the snapshot's, skip
/// price-0 (sequence-only) changes, and require <c>sequenceStart = previous sequenceEnd + 1</c>.
/// </summary>
internal sealed class KuCoinDocumentedBook
{
    private readonly List<JsonElement> _buffered = [];
    private long _sequence = -1;

    public SortedDictionary<decimal, decimal> Bids { get; } = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));

    public SortedDictionary<decimal, decimal> Asks { get; } = new();

    public bool Synced => _sequence >= 0;

    public void OnSnapshot(JsonElement data)
    {
        Bids.Clear();
        Asks.Clear();
        foreach (var level in data.GetProperty("bids").EnumerateArray())
            Bids[Decimal(level[0])] = Decimal(level[1]);
        foreach (var level in data.GetProperty("asks").EnumerateArray())
            Asks[Decimal(level[0])] = Decimal(level[1]);
        _sequence = long.Parse(data.GetProperty("sequence").GetString()!, CultureInfo.InvariantCulture);
        var snapshotSequence = _sequence;
        var bridged = false;
        foreach (var update in _buffered)
            bridged |= Apply(update, snapshotSequence, bridged);
        _buffered.Clear();
    }

    public void OnUpdate(JsonElement data)
    {
        if (!Synced)
            _buffered.Add(data.Clone());
        else
            Apply(data, long.MinValue, bridged: true);
    }

    private bool Apply(JsonElement data, long snapshotSequence, bool bridged)
    {
        var start = data.GetProperty("sequenceStart").GetInt64();
        var end = data.GetProperty("sequenceEnd").GetInt64();
        if (end <= _sequence)
            return false;
        if (bridged ? start != _sequence + 1 : start > _sequence + 1)
            throw new InvalidOperationException($"Received sequenceStart {start} after {_sequence}; the recording has no breaks.");
        foreach (var (side, book) in new[] { ("asks", Asks), ("bids", Bids) })
        {
            foreach (var change in data.GetProperty("changes").GetProperty(side).EnumerateArray())
            {
                var price = Decimal(change[0]);
                if (long.Parse(change[2].GetString()!, CultureInfo.InvariantCulture) <= snapshotSequence || price == 0)
                    continue;
                var size = Decimal(change[1]);
                if (size == 0)
                    book.Remove(price);
                else
                    book[price] = size;
            }
        }
        _sequence = end;
        return true;
    }

    private static decimal Decimal(JsonElement text) => decimal.Parse(text.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
