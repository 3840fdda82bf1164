using LowLatency.Feeds.Books;

namespace LowLatency.Feeds.Tests.Kraken;

public sealed class KrakenAllocationTests
{
    [Fact]
    public void Parsing_applying_and_verifying_100000_recorded_book_messages_allocates_nothing_after_warm_up()
    {
        var messages = KrakenFixtures.OrderBookV2Messages();
        var processor = KrakenFixtures.ProcessorWithInstruments();
        foreach (var message in messages)
            processor.OnMessage(message, 0);

        // Each pass starts with the recording's snapshot, so every pass rebuilds the same book.
        const int Measured = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var done = 0; done < Measured;)
        {
            for (var i = 0; i < messages.Count && done < Measured; i++, done++)
                processor.OnMessage(messages[i], 0);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        var book = processor.Books.Books.Single();
        Assert.Equal(0, book.Counters.ChecksumFailed);
        Assert.Equal(messages.Count + Measured, book.Counters.ChecksumOk);
        Assert.Equal(BookQuality.Synced, book.Quality);
    }
}
