using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Bybit;

/// <summary>Faults injected into the recorded XRPUSDT archive: each must be detected, counted and contained.</summary>
public sealed class BybitFaultTests
{
    [Fact]
    public void Dropping_one_delta_is_a_gap_that_resyncs_and_requests_a_snapshot()
    {
        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive);
        messages.RemoveAt(10);
        var processor = BybitRecordedBookTests.Replay("bybit-linear", messages);

        var book = processor.Books.Books.Single();
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal(1, book.Counters.Resyncs);
        Assert.Equal(1, processor.SnapshotRequests.Total);
        Assert.Equal([book.InstrumentId], processor.SnapshotRequests.Pending);
        Assert.Equal(9, book.Counters.UpdatesApplied);
        Assert.Equal(39, book.Counters.UpdatesDropped);
    }

    [Fact]
    public void A_new_snapshot_after_a_gap_brings_the_book_back_to_synced()
    {
        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive);
        messages.RemoveAt(10);
        messages.Add(messages[0]);
        var processor = BybitRecordedBookTests.Replay("bybit-linear", messages);

        var book = processor.Books.Books.Single();
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(2, book.Counters.Snapshots);
        Assert.Equal(20254869, book.LastSequence);
        Assert.Empty(processor.SnapshotRequests.Pending);
    }

    [Fact]
    public void A_replayed_delta_is_dropped_as_already_applied()
    {
        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive);
        messages.Insert(11, messages[10]);
        var processor = BybitRecordedBookTests.Replay("bybit-linear", messages);

        var book = processor.Books.Books.Single();
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(1, book.Counters.UpdatesDropped);
        Assert.Equal(0, book.Counters.Gaps);
    }

    [Fact]
    public void Malformed_messages_unknown_symbols_and_over_precise_numbers_are_counted_and_leave_the_books_untouched()
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("bybit", "linear", "XRPUSDT", 4, 0));
        var processor = new FeedProcessor(ExchangeCatalog.Get("bybit-linear"), registry, ParserOptions.Default);
        var reference = BybitRecordedBookTests.Replay("bybit-linear", RecordedFeed.Lines(BybitRecordedBookTests.Archive));
        var bad = new[]
        {
            """{"topic":"orderbook.500.XRPUSDT","type":"delta","ts":1733011200693,"data":{"s":"XRPUSDT","b":[["1.9531","6198"]""",
            """{"topic":"orderbook.500.BTCUSDT","type":"delta","ts":1733011200693,"data":{"s":"BTCUSDT","b":[["97000.10","1.5"]],"a":[],"u":3,"seq":1}}""",
            """{"topic":"orderbook.500.XRPUSDT","type":"delta","ts":1733011200693,"data":{"s":"XRPUSDT","b":[["1.95315","6198"]],"a":[],"u":20254870,"seq":1}}""",
        };

        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive);
        for (var i = 0; i < messages.Count; i++)
        {
            processor.OnMessage(messages[i].Body, i);
            if (i % 10 == 0)
            {
                foreach (var message in bad)
                    processor.OnMessage(Encoding.UTF8.GetBytes(message), i);
            }
        }

        Assert.Equal(5, processor.Counters.ErrorsOf(ParseError.MalformedJson));
        Assert.Equal(5, processor.Counters.ErrorsOf(ParseError.UnknownSymbol));
        Assert.Equal(5, processor.Counters.ErrorsOf(ParseError.NumberTooPrecise));
        var expected = reference.Books.Books.Single();
        var actual = processor.Books.Books.Single();
        Assert.Equal(BookQuality.Synced, actual.Quality);
        Assert.Equal(expected.LastSequence, actual.LastSequence);
        Assert.Equal(expected.Counters.UpdatesApplied, actual.Counters.UpdatesApplied);
        Assert.Equal(expected.Bids[0].Price / 10_000, actual.Bids[0].Price);
        Assert.Equal(expected.Asks[499].Price / 10_000, actual.Asks[499].Price);
    }
}
