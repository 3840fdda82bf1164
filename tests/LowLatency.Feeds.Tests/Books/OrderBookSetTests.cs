using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Books;

public sealed class OrderBookSetTests
{
    private static readonly BookRules Rules = new(BookSequenceRule.None, SnapshotSource.Stream);

    private static (OrderBookSet Set, InstrumentRegistry Registry) NewSet(Func<Instrument, BookRules?>? rules = null)
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("x", "spot", "A", 2, 2));
        registry.Register(new InstrumentSpec("x", "spot", "B", 2, 2));
        return (new OrderBookSet(registry, rules ?? (_ => Rules)), registry);
    }

    [Fact]
    public void OrderBookSet_routes_each_instrument_to_its_own_book()
    {
        var (set, _) = NewSet();
        foreach (var e in BookMessage.Snapshot(1, 0, fromRest: false).Bid(10, 1).Events().Concat(BookMessage.Snapshot(1, 1, fromRest: false).Bid(20, 1).Events()))
            set.OnEvent(e);
        Assert.Equal(10, set.Find(0)!.Bids.BestPrice);
        Assert.Equal(20, set.Find(1)!.Bids.BestPrice);
        Assert.Equal(2, set.Books.Count);
    }

    [Fact]
    public void OrderBookSet_marks_every_book_stale_on_a_connection_gap()
    {
        var (set, _) = NewSet();
        foreach (var e in BookMessage.Snapshot(1, 0, fromRest: false).Bid(10, 1).Events().Concat(BookMessage.Snapshot(1, 1, fromRest: false).Bid(20, 1).Events()))
            set.OnEvent(e);
        set.OnEvent(new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1 });
        Assert.All(set.Books, b => Assert.Equal(BookQuality.Stale, b.Quality));
    }

    [Fact]
    public void OrderBookSet_keeps_no_book_for_instruments_without_rules()
    {
        var (set, _) = NewSet(i => i.Symbol == "A" ? Rules : null);
        foreach (var e in BookMessage.Snapshot(1, 1, fromRest: false).Bid(20, 1).Events())
            set.OnEvent(e);
        Assert.Null(set.Find(1));
        Assert.Empty(set.Books);
    }
}
