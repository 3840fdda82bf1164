using System.Runtime.CompilerServices;
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

        var allocated = AllocatedFeeding(processor, messages, 100_000);

        Assert.Equal(0, allocated);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(0, processor.Books.Books.Sum(b => b.Counters.ChecksumFailed));
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }

    /// <summary>
    /// Bytes this thread allocates while <paramref name="count"/> messages go through the processor
    /// (each pass reaches every book's snapshot before its updates, which resets the book like the first pass).
    /// </summary>
    /// <remarks>
    /// Compiled fully optimised from the start: a tiered loop here gets on-stack replacement and PGO
    /// instrumentation mid-measurement, and the runtime occasionally charges 24 bytes of that to
    /// this thread (seen only when other tests compete for the cores; measured per message, the
    /// processor itself allocates nothing).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long AllocatedFeeding(FeedProcessor processor, byte[][] messages, int count)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var done = 0; done < count;)
        {
            for (var i = 0; i < messages.Length && done < count; i++, done++)
                processor.OnMessage(messages[i], done);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
