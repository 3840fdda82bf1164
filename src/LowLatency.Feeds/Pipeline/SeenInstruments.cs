namespace LowLatency.Feeds.Pipeline;

/// <summary>
/// Instrument ids in the order their first event was seen. Adding an id already seen costs a
/// bounds check and a load; the flags grow (allocating) only when a new, higher id appears.
/// </summary>
/// <remarks>Not thread-safe: one feeding thread adds.</remarks>
public sealed class SeenInstruments
{
    private readonly List<int> _order = [];
    private bool[] _seen = new bool[64];

    /// <summary>The ids seen, first-seen first.</summary>
    public IReadOnlyList<int> Order => _order;

    /// <summary>Records <paramref name="instrumentId"/>; negative ids (events of no instrument) are ignored.</summary>
    public void Add(int instrumentId)
    {
        if (instrumentId < 0)
            return;
        if (instrumentId >= _seen.Length)
            Array.Resize(ref _seen, Math.Max(instrumentId + 1, _seen.Length * 2));
        if (_seen[instrumentId])
            return;
        _seen[instrumentId] = true;
        _order.Add(instrumentId);
    }
}
