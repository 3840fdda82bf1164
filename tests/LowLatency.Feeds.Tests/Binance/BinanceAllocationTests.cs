using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Binance;

public sealed class BinanceAllocationTests
{
    [Fact]
    public void Parsing_and_applying_100000_recorded_messages_allocates_nothing_after_warm_up()
    {
        var messages = Fixtures.Messages("binance/hftbacktest/usdm/btcusdt_20240808.gz");
        var processor = new FeedProcessor(ExchangeCatalog.Get("binance-usdm"), new InstrumentRegistry(), ParserOptions.Discovering);
        var gap = new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1 };

        // Warm-up: one pass grows every buffer to its working size.
        foreach (var (timestamp, body) in messages)
            processor.OnMessage(body, timestamp);

        // Measured: loop the recording as a replayer does; a Gap between passes makes the book
        // stale so that each pass resynchronises from the in-line snapshot like the first one.
        const int Measured = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var done = 0; done < Measured;)
        {
            processor.Books.OnEvent(in gap);
            for (var i = 0; i < messages.Count && done < Measured; i++, done++)
                processor.OnMessage(messages[i].Body, messages[i].Timestamp);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(messages.Count + Measured, processor.Counters.Messages);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(BookQuality.Synced, processor.Books.Books.Single().Quality);
    }
}
