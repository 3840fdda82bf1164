using System.Runtime.CompilerServices;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Books;

/// <summary>
/// A book makes its room at snapshot time, so the updates after it (which add levels outside the
/// snapshot's depth) do not grow the sides on the hot path.
/// </summary>
public sealed class OrderBookReserveTests
{
    [Fact]
    public void OrderBookSide_reserve_grows_to_a_power_of_two_keeps_its_levels_and_never_shrinks()
    {
        var side = new OrderBookSide(isBid: false, initialCapacity: 8);
        for (long price = 100; price < 106; price++)
            side.Set(price, price * 10);

        side.Reserve(1_000);
        Assert.Equal(1_024, side.Capacity);
        Assert.Equal(6, side.Count);
        Assert.Equal([100L, 101, 102, 103, 104, 105], Enumerable.Range(0, 6).Select(d => side.PriceAtDepth(d)));
        Assert.Equal([1_000L, 1_010, 1_020, 1_030, 1_040, 1_050], Enumerable.Range(0, 6).Select(d => side.QuantityAtDepth(d)));

        side.Reserve(10);
        Assert.Equal(1_024, side.Capacity);
    }

    [Fact]
    public void OrderBook_reserves_four_times_the_snapshot_depth_and_updates_up_to_it_allocate_nothing()
    {
        var book = new OrderBook(0, 2, 3, new BookRules(BookSequenceRule.FirstFollowsLast, SnapshotSource.Rest));
        const int depth = 300;
        var snapshot = BookMessage.Snapshot(1_000);
        for (int i = 0; i < depth; i++)
            snapshot.Bid(10_000 - i, 1).Ask(10_001 + i, 1);
        snapshot.ApplyTo(book);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.True(book.Bids.Capacity >= depth * OrderBook.SnapshotHeadroom, $"bids reserved {book.Bids.Capacity}");
        Assert.True(book.Asks.Capacity >= depth * OrderBook.SnapshotHeadroom, $"asks reserved {book.Asks.Capacity}");

        // Three times the snapshot's depth again, outside it on both sides, one level per message.
        var updates = new List<MarketEvent>();
        long id = 1_000;
        for (int i = 0; i < 3 * depth; i++)
        {
            id++;
            updates.AddRange(BookMessage.Delta(id, id).Bid(10_000 - depth - i, 2).Ask(10_001 + depth + i, 2).Events());
        }
        var events = updates.ToArray();

        long allocated = ApplyAll(book, events);

        Assert.Equal(0, allocated);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal((4 * depth, 4 * depth), (book.Bids.Count, book.Asks.Count));
        Assert.Equal((10_000L, 10_001L), (book.Bids.BestPrice, book.Asks.BestPrice));
    }

    [Fact]
    public void OrderBook_with_a_depth_limit_reserves_twice_the_limit_whatever_the_snapshot()
    {
        var book = new OrderBook(0, 1, 8, new BookRules(BookSequenceRule.None, SnapshotSource.Stream, MaxDepth: 100));
        BookMessage.Snapshot(1, fromRest: false).Bid(100, 1).Ask(101, 1).ApplyTo(book);
        Assert.Equal((256, 256), (book.Bids.Capacity, book.Asks.Capacity));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long ApplyAll(OrderBook book, MarketEvent[] events)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < events.Length; i++)
            book.Apply(in events[i]);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
