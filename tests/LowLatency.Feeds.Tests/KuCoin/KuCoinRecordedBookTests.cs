using System.Text;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

/// <summary>The recorded KuCoin spot capture (tests/fixtures/SOURCES.md): REST snapshots bridged by level-2 updates.</summary>
public sealed class KuCoinRecordedBookTests
{
    internal static readonly string[] Capture = ["kucoin/cryptofeed/KUCOIN.http.0.0", "kucoin/cryptofeed/KUCOIN.ws.1.0"];

    internal static readonly string[] Symbols = ["BCHSV-USDT", "SNX-BTC", "CAPP-BTC", "ANKR-BTC", "FET-BTC", "DAPPT-BTC", "NRG-BTC", "COV-BTC", "EQZ-BTC"];

    /// <summary>
    /// The pairs with the scales their recorded numbers need: BCHSV-USDT's snapshot has a size with
    /// 11 decimals, CAPP-BTC's sizes reach 9 integer digits, so one default does not fit both.
    /// </summary>
    internal static InstrumentRegistry Registry()
    {
        var registry = new InstrumentRegistry();
        foreach (var symbol in Symbols)
            registry.Register(new InstrumentSpec("kucoin", "spot", symbol, 10, symbol == "BCHSV-USDT" ? 11 : 8));
        return registry;
    }

    internal static FeedProcessor Processor() => new(ExchangeCatalog.Get("kucoin-spot"), Registry(), ParserOptions.Default);

    internal static OrderBook Book(FeedProcessor processor, string symbol)
    {
        Assert.True(processor.Instruments.TryGet("kucoin", "spot", symbol, out var instrument));
        return processor.Books.Find(instrument.Id)!;
    }

    [Fact]
    public void All_nine_books_bridge_their_rest_snapshot_and_chain_with_no_break()
    {
        var processor = Processor();
        RecordedFeed.Replay(processor, RecordedFeed.Cryptofeed(Capture));

        Assert.Equal(9, processor.Books.Books.Count);
        Assert.All(processor.Books.Books, book =>
        {
            Assert.Equal(BookQuality.Synced, book.Quality);
            Assert.Equal(1, book.Counters.Snapshots);
            Assert.Equal(0, book.Counters.Gaps);
            Assert.Equal(0, book.Counters.Crossed);
            Assert.Equal(1, book.Counters.SnapshotRequests);
        });
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(0, processor.Counters.Unknown);
        Assert.Equal(14, processor.Counters.Ignored);
        Assert.Empty(processor.SnapshotRequests.Pending);
    }

    [Fact]
    public void Every_ticker_with_the_books_sequence_matches_the_rebuilt_top_of_book_757_of_757()
    {
        var processor = Processor();
        RecordedFeed.Replay(processor, RecordedFeed.Cryptofeed(Capture));

        Assert.Equal(757, processor.Books.Books.Sum(b => b.Counters.CrossChecksCompared));
        Assert.Equal(757, processor.Books.Books.Sum(b => b.Counters.CrossChecksMatched));
    }

    [Theory]
    [InlineData("BCHSV-USDT", 1613277186234, 179, 392, "243.216", "4.51280965", "243.457", "4.51280965")]
    [InlineData("CAPP-BTC", 1612694580232, 260, 1421, "0.0000002181", "83.07", "0.0000002195", "270.17")]
    [InlineData("EQZ-BTC", 1619079123974, 107, 126, "0.00002383", "20.5373", "0.00002395", "72.1515")]
    public void Books_end_at_the_recorded_sequence_depth_and_top(string symbol, long sequence, int bids, int asks, string bestBid, string bestBidSize, string bestAsk, string bestAskSize)
    {
        var processor = Processor();
        RecordedFeed.Replay(processor, RecordedFeed.Cryptofeed(Capture));

        var book = Book(processor, symbol);
        Assert.Equal(sequence, book.LastSequence);
        Assert.Equal(bids, book.Bids.Count);
        Assert.Equal(asks, book.Asks.Count);
        Assert.Equal(FixedPointParser.Parse(Encoding.ASCII.GetBytes(bestBid), book.PriceScale), book.Bids.BestPrice);
        Assert.Equal(FixedPointParser.Parse(Encoding.ASCII.GetBytes(bestBidSize), book.QuantityScale), book.Bids.BestQuantity);
        Assert.Equal(FixedPointParser.Parse(Encoding.ASCII.GetBytes(bestAsk), book.PriceScale), book.Asks.BestPrice);
        Assert.Equal(FixedPointParser.Parse(Encoding.ASCII.GetBytes(bestAskSize), book.QuantityScale), book.Asks.BestQuantity);
    }

    [Fact]
    public void Books_equal_kucoins_documented_per_change_algorithm_throughout_the_capture()
    {
        var processor = Processor();
        var reference = Symbols.ToDictionary(s => s, _ => new KuCoinDocumentedBook());
        var compared = 0;
        var messages = RecordedFeed.Cryptofeed(Capture);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            using var document = JsonDocument.Parse(message.Body);
            document.RootElement.TryGetProperty("data", out var data);
            if (message.IsRest)
            {
                processor.OnRestResponse(message.Url, message.Body, message.TimestampNs);
                var url = Encoding.ASCII.GetString(message.Url!);
                reference[url[(url.IndexOf("symbol=", StringComparison.Ordinal) + 7)..]].OnSnapshot(data);
            }
            else
            {
                processor.OnMessage(message.Body, message.TimestampNs);
                if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("changes", out _))
                    reference[data.GetProperty("symbol").GetString()!].OnUpdate(data);
            }
            if (i % 50 != 0 && i != messages.Count - 1)
                continue;
            foreach (var (symbol, expected) in reference.Where(r => r.Value.Synced))
            {
                var book = Book(processor, symbol);
                AssertSide(expected.Bids, book.Bids, book);
                AssertSide(expected.Asks, book.Asks, book);
                compared++;
            }
        }
        Assert.True(compared > 500, $"compared {compared} times");
    }

    private static void AssertSide(SortedDictionary<decimal, decimal> expected, OrderBookSide actual, OrderBook book)
    {
        Assert.Equal(expected.Count, actual.Count);
        var depth = 0;
        foreach (var (price, size) in expected)
        {
            var level = actual[depth++];
            Assert.Equal(FixedPointFormatter.ToDecimal(level.Price, book.PriceScale), price);
            Assert.Equal(FixedPointFormatter.ToDecimal(level.Quantity, book.QuantityScale), size);
        }
    }
}
