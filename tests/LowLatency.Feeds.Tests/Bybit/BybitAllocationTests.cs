using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Bybit;

public sealed class BybitAllocationTests
{
    private static readonly string[] DocumentedShapes =
    [
        """{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"17216.00","volume24h":"91705.276","bid1Price":"17215.50","bid1Size":"84.489","ask1Price":"17216.00","ask1Size":"83.020"},"cs":24987956059,"ts":1673272861686}""",
        """{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","bid1Price":"17215.00","bid1Size":"80.100"},"cs":24987956060,"ts":1673272861700}""",
        """{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1672304486868,"data":[{"T":1672304486865,"s":"BTCUSDT","S":"Buy","v":"0.001","p":"16578.50","L":"PlusTick","i":"20f43950-d8dd-5b31-9112-a178eb6023af","BT":false}]}""",
        """{"topic":"kline.5.BTCUSDT","data":[{"start":1672324800000,"end":1672325099999,"interval":"5","open":"16649.5","close":"16677","high":"16677","low":"16608","volume":"2.081","turnover":"34666.4005","confirm":false,"timestamp":1672324988882}],"ts":1672324988882,"type":"snapshot"}""",
        """{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}""",
    ];

    [Fact]
    public void Parsing_and_applying_100000_recorded_messages_allocates_nothing_after_warm_up()
    {
        // The recorded books, plus the documented ticker, trade and kline shapes (no recording has them).
        var messages = RecordedFeed.Lines(BybitRecordedBookTests.Archive)
            .Concat(RecordedFeed.Cryptofeed("bybit/cryptofeed-l1/BYBIT.ws.1.0")).Select(m => m.Body)
            .Concat(DocumentedShapes.Select(Encoding.UTF8.GetBytes)).ToArray();
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
