using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Books;

public sealed class OrderBookTests
{
    private static readonly BookRules SpotRules = new(BookSequenceRule.FirstFollowsLast, SnapshotSource.Rest, CrossCheckBestBidOffer: true);
    private static readonly BookRules FuturesRules = new(BookSequenceRule.PreviousEqualsLast, SnapshotSource.Rest);
    private static readonly BookRules StreamRules = new(BookSequenceRule.None, SnapshotSource.Stream);

    private sealed class FixedChecksum(uint value) : IBookChecksum
    {
        public uint Compute(OrderBook book) => value;
    }

    private static (OrderBook Book, RecordingResyncHandler Resync) NewBook(BookRules rules)
    {
        var resync = new RecordingResyncHandler();
        return (new OrderBook(0, 2, 3, rules, resync), resync);
    }

    [Fact]
    public void OrderBook_applies_a_snapshot_and_becomes_synced()
    {
        var (book, _) = NewBook(StreamRules);
        BookMessage.Snapshot(10, fromRest: false).Bid(100, 1).Bid(99, 2).Ask(101, 3).ApplyTo(book);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(2, book.Bids.Count);
        Assert.Equal(101, book.Asks.BestPrice);
        Assert.Equal(1, book.Counters.Snapshots);
    }

    [Fact]
    public void OrderBook_replaces_its_levels_with_a_new_snapshot()
    {
        var (book, _) = NewBook(StreamRules);
        BookMessage.Snapshot(1, fromRest: false).Bid(100, 1).Ask(101, 3).ApplyTo(book);
        BookMessage.Snapshot(2, fromRest: false).Bid(90, 1).ApplyTo(book);
        Assert.Equal(90, book.Bids.BestPrice);
        Assert.Equal(1, book.Bids.Count);
        Assert.Equal(0, book.Asks.Count);
    }

    [Fact]
    public void OrderBook_buffers_updates_until_the_rest_snapshot_and_requests_it_once()
    {
        var (book, resync) = NewBook(SpotRules);
        BookMessage.Delta(5, 8).Bid(100, 1).ApplyTo(book);
        BookMessage.Delta(9, 12).Bid(100, 2).ApplyTo(book);
        Assert.Equal(BookQuality.AwaitingSnapshot, book.Quality);
        Assert.Equal(0, book.Bids.Count);
        Assert.Equal([(0, ResyncReason.InitialSnapshot)], resync.Requests);
        Assert.Equal(2, book.Counters.UpdatesBuffered);
    }

    [Fact]
    public void OrderBook_spot_rule_drops_covered_updates_and_applies_the_bridging_one()
    {
        var (book, _) = NewBook(SpotRules);
        BookMessage.Delta(1, 4).Bid(100, 9).ApplyTo(book);
        BookMessage.Delta(5, 8).Bid(100, 1).ApplyTo(book);
        BookMessage.Delta(9, 12).Bid(100, 2).Ask(105, 1).ApplyTo(book);
        BookMessage.Snapshot(7).Bid(100, 5).Ask(105, 5).ApplyTo(book);

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(12, book.LastSequence);
        Assert.Equal(2, book.Bids.BestQuantity);
        Assert.Equal(1, book.Asks.BestQuantity);
        Assert.Equal(1, book.Counters.UpdatesDropped);
        Assert.Equal(2, book.Counters.UpdatesApplied);
    }

    [Fact]
    public void OrderBook_spot_rule_waits_for_a_live_bridging_update_when_the_buffer_is_all_covered()
    {
        var (book, _) = NewBook(SpotRules);
        BookMessage.Delta(1, 4).Bid(100, 9).ApplyTo(book);
        BookMessage.Snapshot(6).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(5, 9).Bid(100, 3).ApplyTo(book);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(9, book.LastSequence);
        Assert.Equal(3, book.Bids.BestQuantity);
    }

    [Fact]
    public void OrderBook_spot_rule_turns_a_missing_update_into_a_gap_and_a_snapshot_request()
    {
        var (book, resync) = NewBook(SpotRules);
        BookMessage.Snapshot(10).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(11, 12).Bid(100, 6).ApplyTo(book);
        BookMessage.Delta(14, 15).Bid(100, 7).ApplyTo(book);

        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal(1, book.Counters.Resyncs);
        Assert.Equal(6, book.Bids.BestQuantity);
        Assert.Equal((0, ResyncReason.SequenceGap), resync.Requests[^1]);
    }

    [Fact]
    public void OrderBook_recovers_from_a_gap_with_the_next_snapshot_and_the_buffered_updates()
    {
        var (book, _) = NewBook(SpotRules);
        BookMessage.Snapshot(10).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(14, 15).Bid(100, 7).ApplyTo(book);
        BookMessage.Delta(16, 17).Bid(100, 8).ApplyTo(book);
        BookMessage.Snapshot(15).Bid(100, 7).Ask(105, 5).ApplyTo(book);

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(17, book.LastSequence);
        Assert.Equal(8, book.Bids.BestQuantity);
    }

    [Fact]
    public void OrderBook_futures_rule_bridges_with_U_at_or_below_the_snapshot_id_and_chains_on_pu()
    {
        var (book, resync) = NewBook(FuturesRules);
        BookMessage.Delta(1, 5, 0).Bid(100, 9).ApplyTo(book);
        BookMessage.Delta(6, 9, 5).Bid(100, 1).ApplyTo(book);
        BookMessage.Delta(10, 20, 9).Bid(100, 2).ApplyTo(book);
        BookMessage.Snapshot(8).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(21, 30, 20).Ask(105, 3).ApplyTo(book);

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(30, book.LastSequence);
        Assert.Equal(2, book.Bids.BestQuantity);
        Assert.Equal(3, book.Asks.BestQuantity);

        BookMessage.Delta(35, 40, 33).Ask(105, 1).ApplyTo(book);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal((0, ResyncReason.SequenceGap), resync.Requests[^1]);
    }

    [Fact]
    public void OrderBook_stream_snapshots_drop_updates_that_arrive_before_the_snapshot()
    {
        var (book, resync) = NewBook(StreamRules);
        BookMessage.Delta(0, 0).Bid(100, 1).ApplyTo(book);
        Assert.Equal(0, book.Bids.Count);
        Assert.Empty(resync.Requests);
        Assert.Equal(1, book.Counters.UpdatesDropped);
    }

    [Fact]
    public void OrderBook_checksum_mismatch_moves_to_resyncing_and_requests_a_snapshot()
    {
        var resync = new RecordingResyncHandler();
        var book = new OrderBook(3, 2, 3, StreamRules with { Checksum = new FixedChecksum(42) }, resync);
        BookMessage.Snapshot(0, 3, fromRest: false).Bid(100, 1).Ask(101, 1).WithChecksum(42).ApplyTo(book);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(1, book.Counters.ChecksumOk);

        BookMessage.Delta(0, 0, 0, 3).Bid(100, 2).WithChecksum(43).ApplyTo(book);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.ChecksumFailed);
        Assert.Equal([(3, ResyncReason.ChecksumMismatch)], resync.Requests);
    }

    [Fact]
    public void OrderBook_truncates_to_the_subscribed_depth_after_each_message()
    {
        var (book, _) = NewBook(StreamRules with { MaxDepth = 2 });
        BookMessage.Snapshot(0, fromRest: false).Bid(100, 1).Bid(99, 1).Bid(98, 1).Ask(101, 1).ApplyTo(book);
        BookMessage.Delta(0, 0).Bid(100, 0).ApplyTo(book);
        Assert.Equal([99L], Enumerable.Range(0, book.Bids.Count).Select(i => book.Bids[i].Price));
    }

    [Fact]
    public void OrderBook_crossed_book_moves_to_resyncing()
    {
        var (book, resync) = NewBook(StreamRules);
        BookMessage.Snapshot(0, fromRest: false).Bid(100, 1).Ask(101, 1).ApplyTo(book);
        BookMessage.Delta(0, 0).Bid(102, 1).ApplyTo(book);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Crossed);
        Assert.Equal(ResyncReason.CrossedBook, resync.Requests.Single().Reason);
    }

    [Fact]
    public void OrderBook_cross_checks_a_best_bid_offer_with_the_last_update_id()
    {
        var (book, _) = NewBook(SpotRules);
        BookMessage.Snapshot(10).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(11, 12).Bid(101, 2).ApplyTo(book);

        book.Apply(Bbo(12, 101, 2, 105, 5));
        book.Apply(Bbo(11, 1, 1, 1, 1));
        Assert.Equal(1, book.Counters.CrossChecksCompared);
        Assert.Equal(1, book.Counters.CrossChecksMatched);
        Assert.Equal(BookQuality.Synced, book.Quality);
    }

    [Fact]
    public void OrderBook_cross_check_mismatch_marks_the_book_suspect_and_resyncs()
    {
        var (book, resync) = NewBook(SpotRules);
        BookMessage.Snapshot(10).Bid(100, 5).Ask(105, 5).ApplyTo(book);
        BookMessage.Delta(11, 12).Bid(101, 2).ApplyTo(book);
        book.Apply(Bbo(12, 101, 3, 105, 5));
        Assert.Equal(1, book.Counters.CrossChecksCompared);
        Assert.Equal(0, book.Counters.CrossChecksMatched);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(ResyncReason.CrossCheckMismatch, resync.Requests[^1].Reason);
    }

    [Fact]
    public void OrderBook_transport_gap_makes_a_synced_book_stale()
    {
        var (book, resync) = NewBook(StreamRules);
        BookMessage.Snapshot(0, fromRest: false).Bid(100, 1).Ask(101, 1).ApplyTo(book);
        book.Apply(new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1 });
        Assert.Equal(BookQuality.Stale, book.Quality);
        Assert.Equal(ResyncReason.Stale, resync.Requests.Single().Reason);
    }

    [Fact]
    public void OrderBook_applies_updates_without_allocating_after_warm_up()
    {
        var (book, _) = NewBook(SpotRules);
        BookMessage.Snapshot(0).Bid(1000, 5).Ask(1001, 5).ApplyTo(book);
        var events = new List<MarketEvent>();
        for (var i = 1; i <= 2000; i++)
            events.AddRange(BookMessage.Delta(i, i).Bid(1000 - (i % 50), i % 7).Ask(1001 + (i % 50), (i + 3) % 5).Events());
        var array = events.ToArray();
        var warmUp = array.Length / 2;
        for (var i = 0; i < warmUp; i++)
            book.Apply(in array[i]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = warmUp; i < array.Length; i++)
            book.Apply(in array[i]);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(BookQuality.Synced, book.Quality);
    }

    private static MarketEvent Bbo(long updateId, long bid, long bidQuantity, long ask, long askQuantity) => new()
    {
        Kind = MarketEventKind.BestBidOffer,
        Flags = MarketEventFlags.HasBookSequence,
        Sequence = updateId,
        BidPrice = bid,
        BidQuantity = bidQuantity,
        AskPrice = ask,
        AskQuantity = askQuantity,
    };
}
