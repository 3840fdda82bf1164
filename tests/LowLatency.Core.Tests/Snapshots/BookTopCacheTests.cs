using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

public sealed class BookTopCacheTests
{
    private static BookTopSnapshot Book(long midTicks, int levels, long updateId)
    {
        var book = new BookTopSnapshot
        {
            BidCount = levels,
            AskCount = levels,
            ExchangeTimeNs = 1_700_000_000_000_000_000 + updateId,
            ReceiveTimestamp = 5_000 + updateId,
            UpdateId = updateId,
            State = BookDataState.Live,
        };
        for (int i = 0; i < levels; i++)
        {
            book.Bids[i] = new BookLevel(midTicks - 1 - i, 100 + i);
            book.Asks[i] = new BookLevel(midTicks + 1 + i, 200 + i);
        }
        return book;
    }

    [Fact]
    public void TryGet_returns_all_ten_levels_per_side_best_first_with_times_and_state()
    {
        var cache = new BookTopCache(2);

        cache.Update(1, Book(1_000, BookTopLevels.Depth, updateId: 77));

        Assert.True(cache.TryGet(1, out BookTopSnapshot read));
        Assert.Equal(10, read.BidLevels.Length);
        Assert.Equal(10, read.AskLevels.Length);
        Assert.Equal(new BookLevel(999, 100), read.BidLevels[0]);
        Assert.Equal(new BookLevel(990, 109), read.BidLevels[9]);
        Assert.Equal(new BookLevel(1_001, 200), read.AskLevels[0]);
        Assert.Equal(new BookLevel(1_010, 209), read.AskLevels[9]);
        Assert.Equal(77, read.UpdateId);
        Assert.Equal(1_700_000_000_000_000_077, read.ExchangeTimeNs);
        Assert.Equal(5_077, read.ReceiveTimestamp);
        Assert.Equal(BookDataState.Live, read.State);
    }

    [Fact]
    public void Level_spans_expose_only_the_valid_levels_of_a_thin_book()
    {
        var cache = new BookTopCache(1);

        cache.Update(0, Book(500, levels: 3, updateId: 1));

        Assert.True(cache.TryGet(0, out BookTopSnapshot read));
        Assert.Equal([new BookLevel(499, 100), new BookLevel(498, 101), new BookLevel(497, 102)], read.BidLevels.ToArray());
        Assert.Equal(3, read.AskLevels.Length);
    }

    [Fact]
    public void Instruments_are_isolated_from_each_other()
    {
        var cache = new BookTopCache(2);

        cache.Update(0, Book(1_000, 10, updateId: 1));
        cache.Update(1, Book(2_000, 5, updateId: 2));

        Assert.True(cache.TryGet(0, out BookTopSnapshot first));
        Assert.True(cache.TryGet(1, out BookTopSnapshot second));
        Assert.Equal(999, first.BidLevels[0].PriceTicks);
        Assert.Equal(10, first.BidCount);
        Assert.Equal(1_999, second.BidLevels[0].PriceTicks);
        Assert.Equal(5, second.BidCount);
    }

    [Fact]
    public void An_in_place_update_rewrites_the_top_without_touching_other_fields()
    {
        var cache = new BookTopCache(1);
        cache.Update(0, Book(1_000, 10, updateId: 1));

        using (var scope = cache.BeginUpdate(0))
        {
            ref BookTopSnapshot book = ref scope.Value;
            book.Bids[0] = new BookLevel(999, 1);
            book.UpdateId = 2;
        }

        Assert.True(cache.TryGet(0, out BookTopSnapshot read));
        Assert.Equal(new BookLevel(999, 1), read.BidLevels[0]);
        Assert.Equal(new BookLevel(998, 101), read.BidLevels[1]);
        Assert.Equal(2, read.UpdateId);
    }

    [Fact]
    public void MarkStale_flags_the_book_and_keeps_its_last_levels()
    {
        var cache = new BookTopCache(1);
        cache.Update(0, Book(1_000, 10, updateId: 9));

        cache.MarkStale(0);

        Assert.True(cache.TryGet(0, out BookTopSnapshot read));
        Assert.Equal(BookDataState.Stale, read.State);
        Assert.Equal(9, read.UpdateId);
        Assert.Equal(999, read.BidLevels[0].PriceTicks);
    }

    [Fact]
    public void TryGet_of_a_never_written_instrument_is_false_with_an_empty_book()
    {
        var cache = new BookTopCache(2);

        Assert.False(cache.TryGet(1, out BookTopSnapshot read));
        Assert.Equal(BookDataState.None, read.State);
        Assert.True(read.BidLevels.IsEmpty);
    }

    [Fact]
    public void TryGet_allocates_nothing()
    {
        var cache = new BookTopCache(1);
        cache.Update(0, Book(1_000, 10, updateId: 1));
        long sink = 0;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            if (cache.TryGet(0, out BookTopSnapshot read))
                sink += read.BidLevels[0].PriceTicks;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(9_990_000, sink);
    }
}
