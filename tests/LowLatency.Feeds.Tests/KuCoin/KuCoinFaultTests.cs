using System.Text;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

/// <summary>Faults injected into the recorded KuCoin spot capture: each must be detected, counted and contained.</summary>
public sealed class KuCoinFaultTests
{
    [Fact]
    public void Dropping_one_level2_update_is_a_gap_that_resyncs_and_requests_a_snapshot()
    {
        var messages = RecordedFeed.Cryptofeed(KuCoinRecordedBookTests.Capture);
        var bchsvUpdates = messages.Select((m, i) => (m, i)).Where(x => Text(x.m).Contains("\"trade.l2update\",\"topic\":\"/market/level2:BCHSV-USDT\"", StringComparison.Ordinal)).ToList();
        messages.RemoveAt(bchsvUpdates[100].i);
        var processor = KuCoinRecordedBookTests.Processor();
        RecordedFeed.Replay(processor, messages);

        var book = KuCoinRecordedBookTests.Book(processor, "BCHSV-USDT");
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal(1, book.Counters.Resyncs);
        Assert.Equal(2, book.Counters.SnapshotRequests);
        Assert.Equal([book.InstrumentId], processor.SnapshotRequests.Pending);
        Assert.All(processor.Books.Books.Where(b => b != book), other =>
        {
            Assert.Equal(BookQuality.Synced, other.Quality);
            Assert.Equal(0, other.Counters.Gaps);
        });
    }

    [Fact]
    public void A_new_rest_snapshot_after_a_gap_is_bridged_by_the_buffered_updates()
    {
        var messages = RecordedFeed.Cryptofeed(KuCoinRecordedBookTests.Capture);
        var bchsv = messages.Select((m, i) => (m, i)).Where(x => Text(x.m).Contains("/market/level2:BCHSV-USDT\"", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var snapshot = """{"code":"200000","data":{"time":1,"sequence":"SEQ","bids":[["240.000","1"]],"asks":[["250.000","1"]]}}""";
        var processor = KuCoinRecordedBookTests.Processor();
        var afterGap = -1L;
        for (var i = 0; i < messages.Count; i++)
        {
            if (i == bchsv[100])
                continue;
            var message = messages[i];
            RecordedFeed.Replay(processor, [message]);
            var book = KuCoinRecordedBookTests.Book(processor, "BCHSV-USDT");
            if (book?.Quality == BookQuality.Resyncing && afterGap < 0)
                afterGap = book.LastSequence;
        }
        // Deliver a snapshot older than the updates buffered since the gap: the first buffered update must bridge it.
        var resynced = KuCoinRecordedBookTests.Book(processor, "BCHSV-USDT");
        var buffered = resynced.Counters.UpdatesBuffered;
        processor.OnRestResponse("https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BCHSV-USDT"u8, Encoding.UTF8.GetBytes(snapshot.Replace("SEQ", (afterGap + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), 0);

        Assert.True(buffered > 0);
        Assert.Equal(BookQuality.Synced, resynced.Quality);
        Assert.Equal(2, resynced.Counters.Snapshots);
        Assert.Equal(1613277186234, resynced.LastSequence);
        Assert.Empty(processor.SnapshotRequests.Pending);
    }

    [Fact]
    public void Malformed_messages_unknown_symbols_and_over_precise_numbers_are_counted_and_leave_the_books_untouched()
    {
        var processor = KuCoinRecordedBookTests.Processor();
        var reference = KuCoinRecordedBookTests.Processor();
        var bad = new[]
        {
            """{"data":{"sequenceStart":1613277183874,"symbol":"BCHSV-USDT","changes":{"asks":[["0","0","1613277183874"]],"bids":[]},"sequenceEnd":""",
            """{"data":{"sequenceStart":5,"symbol":"ETH-USDT","changes":{"asks":[["2000.1","1","5"]],"bids":[]},"sequenceEnd":5},"subject":"trade.l2update","topic":"/market/level2:ETH-USDT","type":"message"}""",
            """{"data":{"sequenceStart":9999999999999,"symbol":"SNX-BTC","changes":{"asks":[["0.00028745123","1","9999999999999"]],"bids":[]},"sequenceEnd":9999999999999},"subject":"trade.l2update","topic":"/market/level2:SNX-BTC","type":"message"}""",
        };
        var messages = RecordedFeed.Cryptofeed(KuCoinRecordedBookTests.Capture);
        RecordedFeed.Replay(reference, messages);
        for (var i = 0; i < messages.Count; i++)
        {
            RecordedFeed.Replay(processor, [messages[i]]);
            if (i % 1000 == 500)
            {
                foreach (var message in bad)
                    processor.OnMessage(Encoding.UTF8.GetBytes(message), 0);
            }
        }

        var injections = (messages.Count + 499) / 1000;
        Assert.Equal(injections, processor.Counters.ErrorsOf(ParseError.MalformedJson));
        Assert.Equal(injections, processor.Counters.ErrorsOf(ParseError.UnknownSymbol));
        Assert.Equal(injections, processor.Counters.ErrorsOf(ParseError.NumberTooPrecise));
        foreach (var symbol in KuCoinRecordedBookTests.Symbols)
        {
            var expected = KuCoinRecordedBookTests.Book(reference, symbol);
            var actual = KuCoinRecordedBookTests.Book(processor, symbol);
            Assert.Equal(BookQuality.Synced, actual.Quality);
            Assert.Equal(expected.LastSequence, actual.LastSequence);
            Assert.Equal(expected.Bids.Count, actual.Bids.Count);
            Assert.Equal(expected.Asks[0], actual.Asks[0]);
        }
    }

    private static string Text(RecordedMessage message) => Encoding.UTF8.GetString(message.Body);
}
