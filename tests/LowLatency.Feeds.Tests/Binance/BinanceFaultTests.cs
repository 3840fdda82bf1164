using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>Faults injected into the recorded spot stream: each must be detected, counted and contained.</summary>
public sealed class BinanceFaultTests
{
    private const string Capture = "binance/hftbacktest/spot/btcusdt_20240808.gz";

    private static FeedProcessor Processor() =>
        new(ExchangeCatalog.Get("binance-spot"), new InstrumentRegistry(), ParserOptions.Discovering);

    private static OrderBook BtcBook(FeedProcessor processor)
    {
        processor.Instruments.TryGet("binance", "spot", "BTCUSDT", out var btc);
        return processor.Books.Find(btc.Id)!;
    }

    [Fact]
    public void Dropping_one_depth_update_is_a_gap_that_resyncs_and_requests_a_snapshot()
    {
        var processor = Processor();
        var messages = Fixtures.Messages(Capture);
        var depthSeen = 0;
        var dropped = false;
        foreach (var (timestamp, body) in messages)
        {
            var isDepth = body.AsSpan().IndexOf("depthUpdate"u8) >= 0;
            if (isDepth && ++depthSeen == 100 && !dropped)
            {
                dropped = true;
                continue;
            }
            processor.OnMessage(body, timestamp);
        }
        var book = BtcBook(processor);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal(1, book.Counters.Resyncs);
        Assert.Equal(2, processor.SnapshotRequests.Total);
        Assert.Equal([book.InstrumentId], processor.SnapshotRequests.Pending);
    }

    [Fact]
    public void Malformed_messages_unknown_symbols_and_over_precise_numbers_are_counted_and_leave_other_books_untouched()
    {
        var registry = new InstrumentRegistry();
        var reference = new FeedProcessor(ExchangeCatalog.Get("binance-spot"), new InstrumentRegistry(), ParserOptions.Discovering);
        var processor = new FeedProcessor(ExchangeCatalog.Get("binance-spot"), registry, ParserOptions.Discovering);
        var bad = new[]
        {
            """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1723161255308,"s":"BTCUSDT","U":5""",
            """{"stream":"btcusdt@trade","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"61837.630000001","q":"0.02","T":1,"m":true}}""",
            """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":50093239225,"u":50093239226,"b":[["abc","1"]],"a":[]}}""",
        };
        var messages = Fixtures.Messages(Capture);
        for (var i = 0; i < messages.Count; i++)
        {
            reference.OnMessage(messages[i].Body, messages[i].Timestamp);
            processor.OnMessage(messages[i].Body, messages[i].Timestamp);
            if (i % 5000 == 100)
            {
                foreach (var message in bad)
                    processor.OnMessage(Encoding.UTF8.GetBytes(message), 0);
            }
        }

        Assert.Equal(messages.Count / 5000 + 1, processor.Counters.ErrorsOf(ParseError.MalformedJson));
        Assert.Equal(messages.Count / 5000 + 1, processor.Counters.ErrorsOf(ParseError.NumberTooPrecise));
        Assert.Equal(messages.Count / 5000 + 1, processor.Counters.ErrorsOf(ParseError.InvalidNumber));
        var expected = BtcBook(reference);
        var actual = BtcBook(processor);
        Assert.Equal(BookQuality.Synced, actual.Quality);
        Assert.Equal(expected.LastSequence, actual.LastSequence);
        Assert.Equal(expected.Bids.Count, actual.Bids.Count);
        Assert.Equal(expected.Bids[0], actual.Bids[0]);
        Assert.Equal(expected.Asks[0], actual.Asks[0]);
        Assert.Equal(0, actual.Counters.Gaps);
    }

    [Fact]
    public void An_unknown_symbol_is_rejected_and_the_known_book_goes_on()
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("binance", "spot", "BTCUSDT", 8, 8));
        var processor = new FeedProcessor(ExchangeCatalog.Get("binance-spot"), registry, ParserOptions.Default);
        var messages = Fixtures.Messages(Capture);
        foreach (var (timestamp, body) in messages)
        {
            processor.OnMessage(body, timestamp);
            processor.OnMessage("""{"stream":"ethusdt@trade","data":{"e":"trade","E":1,"s":"ETHUSDT","t":1,"p":"2500.00","q":"1.0","T":1,"m":true}}"""u8, timestamp);
        }
        Assert.Equal(messages.Count, processor.Counters.ErrorsOf(ParseError.UnknownSymbol));
        Assert.Equal(1, registry.Count);
        Assert.Equal(BookQuality.Synced, BtcBook(processor).Quality);
    }
}
