namespace LowLatency.Replay.Capture;

/// <summary>Merges several captures by timestamp (cryptofeed keeps HTTP responses and WebSocket frames in separate files).</summary>
/// <remarks>Streams every input; equal timestamps keep the order of the inputs as given.</remarks>
public sealed class MergedCaptureReader : ICaptureReader
{
    private readonly ICaptureReader[] _readers;
    private readonly CaptureRecord[] _heads;
    private readonly bool[] _hasHead;
    private int _consumed = -1;
    private bool _started;

    /// <summary>Merges <paramref name="readers"/>, which it owns.</summary>
    public MergedCaptureReader(IReadOnlyList<ICaptureReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = [.. readers];
        _heads = new CaptureRecord[_readers.Length];
        _hasHead = new bool[_readers.Length];
        Source = string.Join(" + ", _readers.Select(r => r.Source));
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public bool TryRead(out CaptureRecord record)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _readers.Length; i++)
                _hasHead[i] = _readers[i].TryRead(out _heads[i]);
        }
        else if (_consumed >= 0)
        {
            _hasHead[_consumed] = _readers[_consumed].TryRead(out _heads[_consumed]);
        }

        var best = -1;
        for (var i = 0; i < _readers.Length; i++)
        {
            if (_hasHead[i] && (best < 0 || _heads[i].TimestampNs < _heads[best].TimestampNs))
                best = i;
        }
        _consumed = best;
        if (best < 0)
        {
            record = default;
            return false;
        }
        record = _heads[best];
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var reader in _readers)
            reader.Dispose();
    }
}
