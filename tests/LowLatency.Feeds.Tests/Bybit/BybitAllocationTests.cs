using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Bybit;

public sealed class BybitAllocationTests
{
    [Fact]
    public void Parsing_and_applying_100000_recorded_messages_allocates_nothing_after_warm_up()
    {
        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive)
            .Concat(RecordedFeed.Cryptofeed("bybit/cryptofeed-l1/BYBIT.ws.1.0")).Select(m => m.Body).ToArray();
        var processor = new FeedProcessor(ExchangeCatalog.Get("bybit-linear"), new InstrumentRegistry(), ParserOptions.Discovering);

        foreach (var body in messages)
            processor.OnMessage(body, 0);

        // Each pass starts with the archive's snapshot, which resets the book like the first pass.
        const int Measured = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var done = 0; done < Measured;)
        {
            for (var i = 0; i < messages.Length && done < Measured; i++, done++)
                processor.OnMessage(messages[i], done);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }
}
