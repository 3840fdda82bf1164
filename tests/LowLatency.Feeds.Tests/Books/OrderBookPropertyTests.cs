using FsCheck;
using FsCheck.Fluent;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Books;

public sealed class OrderBookPropertyTests
{
    private static readonly Gen<(bool Bid, int Price, int Quantity)> LevelChange =
        from bid in ArbMap.Default.GeneratorFor<bool>()
        from price in Gen.Choose(1, 60)
        from quantity in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 1000)))
        select (bid, price, quantity);

    [Fact]
    public void Applying_random_deltas_matches_a_sorted_dictionary_model()
    {
        var messages = Gen.ListOf(Gen.ListOf(LevelChange)).ToArbitrary();
        Prop.ForAll(messages, batches =>
        {
            var book = new OrderBook(0, 0, 0, new BookRules(BookSequenceRule.FirstFollowsLast, SnapshotSource.Rest));
            var bids = new SortedDictionary<long, long>();
            var asks = new SortedDictionary<long, long>();
            BookMessage.Snapshot(0).ApplyTo(book);
            var id = 0L;
            foreach (var batch in batches)
            {
                id++;
                var message = BookMessage.Delta(id, id);
                foreach (var (bid, price, quantity) in batch)
                {
                    // Keep the sides apart so the book never crosses: bids below 100, asks above.
                    long p = bid ? price : 100 + price;
                    var model = bid ? bids : asks;
                    if (quantity == 0)
                        model.Remove(p);
                    else
                        model[p] = quantity;
                    message = bid ? message.Bid(p, quantity) : message.Ask(p, quantity);
                }
                message.ApplyTo(book);
            }
            return book.Quality == BookQuality.Synced &&
                   Same(book.Bids, bids.Reverse()) && Same(book.Asks, asks);
        }).QuickCheckThrowOnFailure();
    }

    private static bool Same(OrderBookSide side, IEnumerable<KeyValuePair<long, long>> expectedBestFirst)
    {
        var expected = expectedBestFirst.ToArray();
        if (side.Count != expected.Length)
            return false;
        for (var i = 0; i < expected.Length; i++)
        {
            if (side[i].Price != expected[i].Key || side[i].Quantity != expected[i].Value)
                return false;
        }
        return true;
    }

    [Fact]
    public void Every_event_kind_other_than_book_events_leaves_the_book_alone()
    {
        var book = new OrderBook(0, 0, 0, new BookRules(BookSequenceRule.None, SnapshotSource.Stream));
        BookMessage.Snapshot(0, fromRest: false).Bid(10, 1).Ask(11, 1).ApplyTo(book);
        foreach (var kind in new[] { MarketEventKind.Trade, MarketEventKind.Ticker, MarketEventKind.Candle, MarketEventKind.Status })
            book.Apply(new MarketEvent { Kind = kind, Price = 50, Quantity = 50, Side = Side.Buy });
        Assert.Equal(10, book.Bids.BestPrice);
        Assert.Equal(1, book.Bids.Count);
    }
}
