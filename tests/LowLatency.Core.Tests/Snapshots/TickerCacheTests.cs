using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

public sealed class TickerCacheTests
{
    private static TickerSnapshot Sample(long seed) => new()
    {
        BidPriceTicks = 6_500_000 + seed,
        BidQuantity = 12 + seed,
        AskPriceTicks = 6_500_010 + seed,
        AskQuantity = 7 + seed,
        LastPriceTicks = 6_500_005 + seed,
        LastQuantity = 3 + seed,
        Volume24h = 1_000_000 + seed,
        ExchangeTimeNs = 1_700_000_000_000_000_000 + seed,
        ReceiveTimestamp = 123_456 + seed,
        Sequence = 900 + seed,
    };

    [Fact]
    public void TryGet_returns_exactly_what_was_written_with_both_timestamps()
    {
        var cache = new TickerCache(4);
        TickerSnapshot written = Sample(1);

        cache.Update(2, written);

        Assert.True(cache.TryGet(2, out TickerSnapshot read));
        Assert.Equal(written, read);
        Assert.Equal(1_700_000_000_000_000_001, read.ExchangeTimeNs);
        Assert.Equal(123_457, read.ReceiveTimestamp);
    }

    [Fact]
    public void TryGet_of_a_never_written_instrument_is_false_with_default()
    {
        var cache = new TickerCache(4);
        cache.Update(0, Sample(1));

        Assert.False(cache.TryGet(1, out TickerSnapshot read));
        Assert.Equal(default, read);
    }

    [Fact]
    public void Instruments_are_isolated_from_each_other()
    {
        var cache = new TickerCache(3);

        cache.Update(0, Sample(10));
        cache.Update(1, Sample(20));
        cache.Update(0, Sample(30));

        Assert.True(cache.TryGet(0, out TickerSnapshot first));
        Assert.True(cache.TryGet(1, out TickerSnapshot second));
        Assert.Equal(Sample(30), first);
        Assert.Equal(Sample(20), second);
        Assert.Equal(4, cache.GetVersion(0));
        Assert.Equal(2, cache.GetVersion(1));
    }

    [Fact]
    public void An_in_place_update_changes_only_the_fields_it_sets()
    {
        var cache = new TickerCache(1);
        cache.Update(0, Sample(1));

        using (var scope = cache.BeginUpdate(0))
        {
            scope.Value.BidPriceTicks = 42;
            scope.Value.Sequence = 43;
        }

        Assert.True(cache.TryGet(0, out TickerSnapshot read));
        TickerSnapshot expected = Sample(1);
        expected.BidPriceTicks = 42;
        expected.Sequence = 43;
        Assert.Equal(expected, read);
    }

    [Fact]
    public void An_instrument_id_outside_the_capacity_is_rejected()
    {
        var cache = new TickerCache(2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => cache.Update(2, Sample(1)));

        Assert.Contains("Instrument id 2", ex.Message);
    }

    [Fact]
    public void TryGet_allocates_nothing()
    {
        var cache = new TickerCache(2);
        cache.Update(1, Sample(1));
        long sink = 0;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            if (cache.TryGet(1, out TickerSnapshot read))
                sink += read.Sequence;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(9_010_000, sink);
    }
}
