namespace LowLatency.Replay.Feed;

/// <summary>The distinct <see cref="StreamKey"/>s of a recorded feed, each with a dense id (0, 1, 2 ...).</summary>
/// <remarks>Built while loading and read-only afterwards, so connections share it without locks.</remarks>
public sealed class StreamKeyTable
{
    private readonly Dictionary<StreamKey, int> _ids = [];
    private readonly List<StreamKey> _keys = [];

    /// <summary>Number of distinct keys.</summary>
    public int Count => _keys.Count;

    /// <summary>The key with id <paramref name="id"/>.</summary>
    public StreamKey this[int id] => _keys[id];

    /// <summary>The id of <paramref name="key"/>, or false when no recorded message has it.</summary>
    public bool TryGetId(StreamKey key, out int id) => _ids.TryGetValue(key, out id);

    /// <summary>Ids of every key on <paramref name="channel"/> (any symbol): wildcard subscriptions such as KuCoin's <c>:all</c>.</summary>
    public IEnumerable<int> IdsOfChannel(string channel)
    {
        for (var id = 0; id < _keys.Count; id++)
        {
            if (_keys[id].Channel == channel)
                yield return id;
        }
    }

    /// <summary>The distinct non-empty symbols of the keys.</summary>
    public IEnumerable<string> Symbols => _keys.Where(k => k.Symbol.Length > 0).Select(k => k.Symbol).Distinct(StringComparer.Ordinal);

    internal int GetOrAdd(StreamKey key)
    {
        if (_ids.TryGetValue(key, out var id))
            return id;
        id = _keys.Count;
        _keys.Add(key);
        _ids.Add(key, id);
        return id;
    }
}
