namespace LowLatency.Replay.Faults;

/// <summary>
/// The message faults of one connection: which fires on each message number, and the seeded
/// choices (bytes to corrupt, shuffles) they make.
/// </summary>
/// <remarks>
/// Every fault's trigger is evaluated on every message, whether or not another fault applies,
/// so adding a fault never moves the positions another one fires on. Allocation-free per message.
/// </remarks>
internal sealed class ConnectionFaults
{
    private readonly FaultSpec[] _specs;
    private readonly long[] _applied;
    private readonly SeededRandom[] _triggers;
    private readonly SeededRandom[] _effects;
    private int[] _chosen = new int[4];

    private ConnectionFaults(FaultSpec[] specs)
    {
        _specs = specs;
        _applied = new long[specs.Length];
        _triggers = new SeededRandom[specs.Length];
        _effects = new SeededRandom[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            _triggers[i] = new SeededRandom(specs[i].Seed);
            _effects[i] = new SeededRandom(specs[i].Seed ^ 0x5DEECE66DUL);
        }
        MaxWindow = specs.Where(s => s.Kind == FaultKind.Reorder).Select(s => s.Window).DefaultIfEmpty(0).Max();
    }

    /// <summary>The largest reorder window (the buffer a connection needs).</summary>
    public int MaxWindow { get; }

    /// <summary>The message faults among <paramref name="faults"/>, or null when there are none.</summary>
    public static ConnectionFaults? Create(IReadOnlyList<FaultSpec> faults)
    {
        var specs = faults.Where(f => f.IsMessageFault).ToArray();
        return specs.Length == 0 ? null : new ConnectionFaults(specs);
    }

    /// <summary>The fault that applies to message <paramref name="messageNumber"/> (1-based), or -1; see <see cref="Spec"/>.</summary>
    /// <param name="messageNumber">The message's number on this connection.</param>
    /// <param name="canApply">False inside a reorder window: triggers advance (seeded draws stay in step) but nothing applies.</param>
    public int Decide(long messageNumber, bool canApply = true)
    {
        var chosen = -1;
        for (var i = 0; i < _specs.Length; i++)
        {
            var spec = _specs[i];
            var fires = spec.Rate is { } rate
                ? _triggers[i].NextDouble() < rate
                : spec.At == messageNumber || (spec.Every is { } every && messageNumber % every == 0);
            if (fires && canApply && chosen < 0 && (spec.Count is not { } limit || _applied[i] < limit))
                chosen = i;
        }
        if (chosen >= 0)
            _applied[chosen]++;
        return chosen;
    }

    /// <summary>The spec of fault <paramref name="fault"/> as returned by <see cref="Decide"/>.</summary>
    public FaultSpec Spec(int fault) => _specs[fault];

    /// <summary>
    /// Replaces <see cref="FaultSpec.Bytes"/> distinct ASCII bytes of <paramref name="payload"/> by
    /// other printable ASCII bytes, so the text stays valid UTF-8 and only its content is wrong.
    /// </summary>
    /// <returns>The number of bytes replaced (fewer than asked only when the payload has fewer ASCII bytes).</returns>
    public int Corrupt(int fault, Span<byte> payload)
    {
        ref var random = ref _effects[fault];
        var ascii = payload.Length - CountNonAscii(payload);
        var wanted = Math.Min(_specs[fault].Bytes, ascii);
        var chosen = _chosen.Length >= wanted ? _chosen : _chosen = new int[wanted];
        var done = 0;
        while (done < wanted)
        {
            var position = NthAscii(payload, random.Next(ascii));
            if (chosen.AsSpan(0, done).Contains(position))
                continue;
            var original = payload[position];
            byte replacement;
            do
            {
                replacement = (byte)(0x21 + random.Next(0x7E - 0x21 + 1));
            }
            while (replacement == original);
            payload[position] = replacement;
            chosen[done++] = position;
        }
        return done;
    }

    /// <summary>Shuffles <paramref name="indices"/> with the fault's seed; never leaves them in their original order.</summary>
    public void Shuffle(int fault, Span<int> indices)
    {
        if (indices.Length < 2)
            return;
        ref var random = ref _effects[fault];
        for (var i = indices.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        if (IsAscending(indices))
            (indices[0], indices[1]) = (indices[1], indices[0]);
    }

    private static int CountNonAscii(ReadOnlySpan<byte> payload)
    {
        var count = 0;
        foreach (var b in payload)
        {
            if (b >= 0x80)
                count++;
        }
        return count;
    }

    private static int NthAscii(ReadOnlySpan<byte> payload, int n)
    {
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] < 0x80 && n-- == 0)
                return i;
        }
        throw new ArgumentOutOfRangeException(nameof(n));
    }

    private static bool IsAscending(Span<int> indices)
    {
        for (var i = 1; i < indices.Length; i++)
        {
            if (indices[i] < indices[i - 1])
                return false;
        }
        return true;
    }
}
