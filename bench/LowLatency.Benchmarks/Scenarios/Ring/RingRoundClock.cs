using System.Diagnostics;
using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// Times one round of a ring or channel scenario from the producers' start to the moment the last
/// consumer has the last event, and sums the bytes each participating thread allocated in its loop.
/// </summary>
public sealed class RingRoundClock
{
    private readonly ManualResetEventSlim _done = new();
    private long _allocated;
    private long _start;
    private long _end;

    /// <summary>Marks the start of the measured window.</summary>
    public void Start() => Volatile.Write(ref _start, Stopwatch.GetTimestamp());

    /// <summary>Called by the terminal consumer when it has the last event.</summary>
    public void Finish()
    {
        Volatile.Write(ref _end, Stopwatch.GetTimestamp());
        _done.Set();
    }

    /// <summary>Adds what a thread allocated inside its measured loop.</summary>
    public void AddAllocated(long bytes) => Interlocked.Add(ref _allocated, bytes);

    /// <summary>Waits for <see cref="Finish"/> and turns the round into operations per second.</summary>
    public RoundResult Result(long operations)
    {
        if (!_done.Wait(TimeSpan.FromMinutes(2)))
            throw new TimeoutException($"The round did not finish its {operations} events within 2 minutes.");
        double seconds = (double)(Volatile.Read(ref _end) - Volatile.Read(ref _start)) / Stopwatch.Frequency;
        return new RoundResult(operations / seconds, operations, Volatile.Read(ref _allocated));
    }
}
