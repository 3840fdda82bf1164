using LowLatency.Core.Metrics;

namespace LowLatency.Core.Tests.Metrics;

public sealed class PaddedCounterTests
{
    [Fact]
    public void Increments_from_several_threads_are_all_counted()
    {
        var counter = new PaddedCounter();
        const int PerThread = 500_000;

        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < PerThread; i++)
                counter.Increment();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(2 * PerThread, counter.Value);
    }

    [Fact]
    public void Add_returns_the_new_total()
    {
        var counter = new PaddedCounter();
        counter.Increment();

        Assert.Equal(11, counter.Add(10));
    }

    [Fact]
    public void Reset_returns_the_count_so_far_and_starts_again_from_zero()
    {
        var counter = new PaddedCounter();
        counter.Add(7);

        Assert.Equal(7, counter.Reset());
        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void A_counter_keeps_128_bytes_of_padding_on_both_sides_of_its_value()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var counter = new PaddedCounter();
        long size = GC.GetAllocatedBytesForCurrentThread() - before;

        GC.KeepAlive(counter);
        Assert.True(size >= 16 + 128 + sizeof(long) + 128, $"a counter object is only {size} bytes");
    }
}
