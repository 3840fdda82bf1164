using LowLatency.Feeds.Books;

namespace LowLatency.Feeds.Tests.Books;

public sealed class OrderBookSideTests
{
    [Fact]
    public void OrderBookSide_keeps_bids_best_first_from_the_highest_price()
    {
        var bids = new OrderBookSide(isBid: true);
        bids.Set(100, 1);
        bids.Set(102, 2);
        bids.Set(101, 3);
        Assert.Equal(102, bids.BestPrice);
        Assert.Equal([102L, 101L, 100L], Enumerable.Range(0, bids.Count).Select(i => bids[i].Price));
    }

    [Fact]
    public void OrderBookSide_keeps_asks_best_first_from_the_lowest_price()
    {
        var asks = new OrderBookSide(isBid: false);
        asks.Set(102, 1);
        asks.Set(100, 2);
        asks.Set(101, 3);
        Assert.Equal(100, asks.BestPrice);
        Assert.Equal(2, asks.BestQuantity);
        Assert.Equal([100L, 101L, 102L], Enumerable.Range(0, asks.Count).Select(i => asks[i].Price));
    }

    [Fact]
    public void OrderBookSide_removes_a_level_set_to_zero_and_ignores_removing_a_missing_one()
    {
        var asks = new OrderBookSide(isBid: false);
        asks.Set(100, 2);
        asks.Set(101, 3);
        asks.Set(100, 0);
        asks.Set(999, 0);
        Assert.Equal(1, asks.Count);
        Assert.Equal(101, asks.BestPrice);
    }

    [Fact]
    public void OrderBookSide_replaces_the_quantity_of_an_existing_level()
    {
        var bids = new OrderBookSide(isBid: true);
        bids.Set(100, 2);
        bids.Set(100, 7, 1, 3);
        Assert.Equal(1, bids.Count);
        Assert.Equal(new BookLevel(100, 7, 1, 3), bids[0]);
    }

    [Fact]
    public void OrderBookSide_truncates_to_the_best_levels()
    {
        var bids = new OrderBookSide(isBid: true);
        for (var p = 1; p <= 20; p++)
            bids.Set(p, p);
        bids.Truncate(10);
        Assert.Equal(10, bids.Count);
        Assert.Equal(20, bids.BestPrice);
        Assert.Equal(11, bids[9].Price);
    }

    [Fact]
    public void OrderBookSide_copies_the_top_levels_best_first()
    {
        var asks = new OrderBookSide(isBid: false);
        for (var p = 10; p > 0; p--)
            asks.Set(p, p * 10);
        Span<BookLevel> top = stackalloc BookLevel[3];
        Assert.Equal(3, asks.CopyTop(top));
        Assert.Equal([1L, 2L, 3L], top.ToArray().Select(l => l.Price));
    }
}
