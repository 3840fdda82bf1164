using System.Threading.Channels;
using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// The peers of the ring scenarios: bounded <see cref="Channel{T}"/>s of the same capacity and event
/// type, written with <c>TryWrite</c> and read with <c>TryRead</c> in spinning loops that yield
/// (never sleep) when they have to wait, like the ring side.
/// </summary>
public static class ChannelPeers
{
    /// <summary>One writer (this thread) to one reader thread.</summary>
    public static RoundResult OneToOne(long events)
    {
        var channel = Bounded(singleWriter: true);
        var clock = new RingRoundClock();
        var reader = StartThread(() => Drain(channel.Reader, events, clock));
        clock.Start();
        Produce(channel.Writer, 0, events, clock);
        var result = clock.Result(events);
        reader.Join();
        return result;
    }

    /// <summary>One writer (this thread) through three stages, each on its own thread, chained by bounded channels.</summary>
    public static RoundResult Pipeline(long events)
    {
        var first = Bounded(singleWriter: true);
        var second = Bounded(singleWriter: true);
        var third = Bounded(singleWriter: true);
        var clock = new RingRoundClock();
        var threads = new[]
        {
            StartThread(() => Forward(first.Reader, second.Writer, events, clock)),
            StartThread(() => Forward(second.Reader, third.Writer, events, clock)),
            StartThread(() => Drain(third.Reader, events, clock)),
        };
        clock.Start();
        Produce(first.Writer, 0, events, clock);
        var result = clock.Result(events);
        Array.ForEach(threads, t => t.Join());
        return result;
    }

    /// <summary>Three writer threads into one channel, one reader thread.</summary>
    public static RoundResult ThreeToOne(long eventsPerProducer)
    {
        var channel = Bounded(singleWriter: false);
        var clock = new RingRoundClock();
        using var go = new ManualResetEventSlim();
        var threads = new List<Thread> { StartThread(() => Drain(channel.Reader, 3 * eventsPerProducer, clock)) };
        for (int p = 0; p < 3; p++)
        {
            long first = p * eventsPerProducer;
            threads.Add(StartThread(() =>
            {
                go.Wait();
                Produce(channel.Writer, first, eventsPerProducer, clock);
            }));
        }
        clock.Start();
        go.Set();
        var result = clock.Result(3 * eventsPerProducer);
        threads.ForEach(t => t.Join());
        return result;
    }

    private static Channel<RingBenchEvent> Bounded(bool singleWriter) =>
        Channel.CreateBounded<RingBenchEvent>(new BoundedChannelOptions(RingBenchSetup.Capacity)
        {
            SingleReader = true,
            SingleWriter = singleWriter,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private static void Produce(ChannelWriter<RingBenchEvent> writer, long first, long count, RingRoundClock clock)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var spin = default(SpinWait);
        for (long i = first; i < first + count; i++)
        {
            var e = new RingBenchEvent { Value = i, Price = 1 };
            while (!writer.TryWrite(e))
                spin.SpinOnce(sleep1Threshold: -1);
            spin.Reset();
        }
        clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Forward(ChannelReader<RingBenchEvent> reader, ChannelWriter<RingBenchEvent> writer, long count, RingRoundClock clock)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var spin = default(SpinWait);
        for (long seen = 0; seen < count;)
        {
            if (reader.TryRead(out var e))
            {
                e.Price += e.Value;
                while (!writer.TryWrite(e))
                    spin.SpinOnce(sleep1Threshold: -1);
                spin.Reset();
                seen++;
            }
            else
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
        clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Drain(ChannelReader<RingBenchEvent> reader, long count, RingRoundClock clock)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var spin = default(SpinWait);
        long sum = 0;
        for (long seen = 0; seen < count;)
        {
            if (reader.TryRead(out var e))
            {
                sum += e.Value + e.Price;
                seen++;
                spin.Reset();
            }
            else
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
        clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
        GC.KeepAlive(sum);
        clock.Finish();
    }

    private static Thread StartThread(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true };
        thread.Start();
        return thread;
    }
}
