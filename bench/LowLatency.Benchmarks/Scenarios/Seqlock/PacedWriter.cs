using System.Diagnostics;

namespace LowLatency.Benchmarks.Scenarios.Seqlock;

/// <summary>
/// A dedicated thread calling a write action at a fixed rate (busy-waiting on the Stopwatch
/// between writes, so the pace is even at 1 µs intervals). It never bursts to catch up: if it
/// falls more than a few periods behind (descheduled), it restarts its schedule from now.
/// </summary>
public sealed class PacedWriter : IDisposable
{
    private readonly Action<long> _write;
    private readonly long _periodTicks;
    private readonly Thread _thread;
    private int _stop;
    private long _writes;
    private long _startTimestamp;
    private long _endTimestamp;

    private PacedWriter(Action<long> write, long writesPerSecond)
    {
        _write = write;
        _periodTicks = Math.Max(1, Stopwatch.Frequency / writesPerSecond);
        _thread = new Thread(Run) { IsBackground = true, Name = "bench-paced-writer" };
    }

    /// <summary>Starts the writer and returns once its first write is done.</summary>
    public static PacedWriter Start(Action<long> write, long writesPerSecond)
    {
        var writer = new PacedWriter(write, writesPerSecond);
        writer._thread.Start();
        var spinner = new SpinWait();
        while (Volatile.Read(ref writer._writes) == 0)
            spinner.SpinOnce();
        return writer;
    }

    /// <summary>Writes per second actually achieved, valid after <see cref="Dispose"/>.</summary>
    public double AchievedWritesPerSecond =>
        _writes / ((double)(_endTimestamp - _startTimestamp) / Stopwatch.Frequency);

    public void Dispose()
    {
        Volatile.Write(ref _stop, 1);
        _thread.Join();
    }

    private void Run()
    {
        long counter = 0;
        _startTimestamp = Stopwatch.GetTimestamp();
        long next = _startTimestamp;
        while (Volatile.Read(ref _stop) == 0)
        {
            long now;
            while ((now = Stopwatch.GetTimestamp()) < next)
            {
            }
            _write(++counter);
            Volatile.Write(ref _writes, counter);
            next += _periodTicks;
            if (now - next > 4 * _periodTicks)
                next = now + _periodTicks;
        }
        _endTimestamp = Stopwatch.GetTimestamp();
    }
}
