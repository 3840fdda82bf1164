using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Okx;

public sealed class OkxAllocationTests
{
    [Fact]
    public void Parsing_applying_and_checksumming_100000_recorded_messages_allocates_nothing_after_warm_up()
    {
        var messages = RecordedFeed.Cryptofeed(OkxRecordedBookTests.Capture).Select(m => m.Body).ToArray();
        var processor = new FeedProcessor(ExchangeCatalog.Get("okx"), new InstrumentRegistry(), ParserOptions.Discovering);

        foreach (var body in messages)
            processor.OnMessage(body, 0);

        // Each pass reaches every book's snapshot before its updates, which resets the book like the first pass.
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
        Assert.Equal(0, processor.Books.Books.Sum(b => b.Counters.ChecksumFailed));
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }
}
