namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// What one pipeline made visible and when: one (message key, timestamp) pair per message, written
/// by the one thread (or sequential async flow) that updates the cache, right after the update.
/// </summary>
/// <remarks>
/// Recording is two array stores and a release write, with no allocation, so it can sit on our
/// cache consumer's hot path; the peer pays exactly the same. Two events let the harness wake up
/// when the warm-up count and the target count are reached (they block, never spin).
/// </remarks>
public sealed class VisibilityLog
{
    private readonly long[] _keys;
    private readonly long[] _ticks;
    private readonly ManualResetEventSlim _warm = new(false, spinCount: 1);
    private readonly ManualResetEventSlim _reached = new(false, spinCount: 1);
    private int _count;
    private int _warmAt;
    private int _target;

    /// <summary>Creates a log of at most <paramref name="capacity"/> messages per round.</summary>
    public VisibilityLog(int capacity)
    {
        _keys = new long[capacity];
        _ticks = new long[capacity];
    }

    /// <summary>Messages recorded so far this round.</summary>
    public int Count => Math.Min(Volatile.Read(ref _count), _keys.Length);

    /// <summary>The count that completes the round.</summary>
    public int Target => _target;

    /// <summary>Starts a round that is warm after <paramref name="warmAt"/> messages and complete after <paramref name="target"/>.</summary>
    public void Arm(int warmAt, int target)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, _keys.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warmAt, target);
        _warm.Reset();
        _reached.Reset();
        _warmAt = warmAt;
        _target = target;
        Volatile.Write(ref _count, 0);
    }

    /// <summary>Records that the message with <paramref name="key"/> became visible at <paramref name="timestamp"/>.</summary>
    public void Record(long key, long timestamp)
    {
        int index = _count;
        if (index < _keys.Length)
        {
            _keys[index] = key;
            _ticks[index] = timestamp;
        }
        Volatile.Write(ref _count, index + 1);
        if (index + 1 == _warmAt)
            _warm.Set();
        if (index + 1 == _target)
            _reached.Set();
    }

    /// <summary>Blocks until the warm-up count was reached; false on timeout.</summary>
    public bool WaitWarm(TimeSpan timeout) => _warm.Wait(timeout);

    /// <summary>Blocks until the target count was reached; false on timeout.</summary>
    public bool WaitReached(TimeSpan timeout) => _reached.Wait(timeout);

    /// <summary>The key of the <paramref name="index"/>-th message made visible.</summary>
    public long KeyAt(int index) => _keys[index];

    /// <summary>When the <paramref name="index"/>-th message was made visible (Stopwatch ticks).</summary>
    public long VisibleAt(int index) => _ticks[index];
}
