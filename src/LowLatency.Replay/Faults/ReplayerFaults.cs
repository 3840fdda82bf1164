namespace LowLatency.Replay.Faults;

/// <summary>The replayer-wide faults: refused connections and REST errors.</summary>
/// <remarks>Connections and REST requests are rare next to messages, so one lock keeps the counts exact.</remarks>
internal sealed class ReplayerFaults
{
    private readonly object _gate = new();
    private readonly FaultSpec[] _refusals;
    private readonly long[] _refused;
    private readonly FaultSpec[] _rest;
    private readonly long[] _restSeen;
    private readonly long[] _restApplied;
    private readonly SeededRandom[] _restRandom;

    public ReplayerFaults(IReadOnlyList<FaultSpec> faults)
    {
        _refusals = faults.Where(f => f.Kind == FaultKind.Refuse).ToArray();
        _refused = new long[_refusals.Length];
        _rest = faults.Where(f => f.Kind == FaultKind.Rest).ToArray();
        _restSeen = new long[_rest.Length];
        _restApplied = new long[_rest.Length];
        _restRandom = _rest.Select(f => new SeededRandom(f.Seed)).ToArray();
    }

    /// <summary>True when this connection attempt is to be refused, with the HTTP status to answer (0: close unanswered).</summary>
    public bool TryRefuse(out int status)
    {
        lock (_gate)
        {
            for (var i = 0; i < _refusals.Length; i++)
            {
                if (_refused[i] < _refusals[i].Count)
                {
                    _refused[i]++;
                    status = _refusals[i].Status;
                    return true;
                }
            }
        }
        status = 0;
        return false;
    }

    /// <summary>True when the REST request to <paramref name="path"/> is to fail, with its status.</summary>
    public bool TryFailRest(string path, out int status)
    {
        status = 0;
        lock (_gate)
        {
            var chosen = -1;
            for (var i = 0; i < _rest.Length; i++)
            {
                var spec = _rest[i];
                if (spec.PathPrefix is { } prefix && !path.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                var number = ++_restSeen[i];
                var fires = spec.Rate is { } rate ? _restRandom[i].NextDouble() < rate
                    : spec.At is { } at ? number == at
                    : spec.Every is not { } every || number % every == 0;
                if (fires && chosen < 0 && (spec.Count is not { } limit || _restApplied[i] < limit))
                    chosen = i;
            }
            if (chosen < 0)
                return false;
            _restApplied[chosen]++;
            status = _rest[chosen].Status;
            return true;
        }
    }
}
