using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

public sealed class KuCoinAllocationTests
{
    [Fact]
    public void Parsing_and_applying_100000_recorded_messages_allocates_nothing_after_warm_up()
    {
        var messages = RecordedFeed.Cryptofeed(KuCoinRecordedBookTests.Capture);
        var processor = KuCoinRecordedBookTests.Processor();
        var gap = new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1 };
        // Warm-up: a plain pass, then a pass after a Gap, which has every book ask for a snapshot at once.
        RecordedFeed.Replay(processor, messages);
        processor.Books.OnEvent(in gap);
        RecordedFeed.Replay(processor, messages);

        // Loop the recording as a replayer does; a Gap between passes makes the books stale so
        // that each pass buffers, takes the REST snapshots and bridges them like the first one.
        const int Measured = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var done = 0; done < Measured;)
        {
            processor.Books.OnEvent(in gap);
            for (var i = 0; i < messages.Count && done < Measured; i++, done++)
            {
                var message = messages[i];
                if (message.IsRest)
                    processor.OnRestResponse(message.Url, message.Body, message.TimestampNs);
                else
                    processor.OnMessage(message.Body, message.TimestampNs);
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.All(processor.Books.Books, book => Assert.Equal(0, book.Counters.Gaps));
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }
}
