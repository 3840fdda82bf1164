using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Okx;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Okx;

/// <summary>Faults injected into the recorded OKX capture: each must be detected, counted and contained.</summary>
public sealed class OkxFaultTests
{
    private const string FirstBtcUsdtUpdate = "\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\"";

    [Fact]
    public void Flipping_one_digit_fails_the_checksum_and_resyncs_only_that_book()
    {
        var messages = RecordedFeed.Cryptofeed(OkxRecordedBookTests.Capture);
        var index = messages.FindIndex(m => Text(m).Contains(FirstBtcUsdtUpdate, StringComparison.Ordinal));
        messages[index] = messages[index] with { Body = Encoding.UTF8.GetBytes(Text(messages[index]).Replace("[\"30243.5\",\"1.2112\"", "[\"30243.5\",\"1.2113\"", StringComparison.Ordinal)) };
        var (registry, books, resync) = Replay(messages);

        var btc = Book(registry, books, "BTC-USDT");
        Assert.Equal(BookQuality.Resyncing, btc.Quality);
        Assert.Equal(1, btc.Counters.ChecksumFailed);
        Assert.Equal(1, btc.Counters.UpdatesApplied);
        Assert.Equal([(btc.InstrumentId, ResyncReason.ChecksumMismatch)], resync.Requests);
        Assert.All(books.Books.Where(b => b != btc), other =>
        {
            Assert.Equal(BookQuality.Synced, other.Quality);
            Assert.Equal(0, other.Counters.ChecksumFailed);
        });
    }

    [Fact]
    public void Dropping_one_update_of_the_2022_capture_is_caught_by_the_next_checksum()
    {
        var messages = RecordedFeed.Cryptofeed(OkxRecordedBookTests.Capture);
        messages.RemoveAt(messages.FindIndex(m => Text(m).Contains(FirstBtcUsdtUpdate, StringComparison.Ordinal)));
        var (registry, books, resync) = Replay(messages);

        var btc = Book(registry, books, "BTC-USDT");
        Assert.Equal(BookQuality.Resyncing, btc.Quality);
        Assert.Equal(1, btc.Counters.ChecksumFailed);
        Assert.Equal(1, btc.Counters.Resyncs);
        Assert.Equal([(btc.InstrumentId, ResyncReason.ChecksumMismatch)], resync.Requests);
    }

    [Fact]
    public void Malformed_messages_unknown_instruments_and_over_precise_numbers_are_counted_and_leave_the_books_untouched()
    {
        var registry = new InstrumentRegistry();
        foreach (var instrument in new[] { "BTC-USDT", "UNI-USD-SWAP", "BTC-USD-220527" })
            registry.Register(new InstrumentSpec("okx", "all", instrument, 8, 8));
        var processor = new Pipeline.FeedProcessor(new OkxDefinition(), registry, ParserOptions.Default);
        var bad = new[]
        {
            """{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["30243.5","1.2112","0","4"]""",
            """{"arg":{"channel":"books","instId":"ETH-USDT"},"action":"update","data":[{"asks":[["2000.5","1","0","4"]],"bids":[],"ts":"1","checksum":1}]}""",
            """{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["30243.500000001","1","0","4"]],"bids":[],"ts":"1","checksum":1}]}""",
        };
        var messages = RecordedFeed.Cryptofeed(OkxRecordedBookTests.Capture);
        for (var i = 0; i < messages.Count; i++)
        {
            processor.OnMessage(messages[i].Body, messages[i].TimestampNs);
            if (i % 100 == 50)
            {
                foreach (var message in bad)
                    processor.OnMessage(Encoding.UTF8.GetBytes(message), 0);
            }
        }

        Assert.Equal(4, processor.Counters.ErrorsOf(ParseError.MalformedJson));
        Assert.Equal(4, processor.Counters.ErrorsOf(ParseError.UnknownSymbol));
        Assert.Equal(4, processor.Counters.ErrorsOf(ParseError.NumberTooPrecise));
        Assert.Equal(290, processor.Books.Books.Sum(b => b.Counters.ChecksumOk));
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }

    private static string Text(RecordedMessage message) => Encoding.UTF8.GetString(message.Body);

    private static (InstrumentRegistry Registry, OrderBookSet Books, RecordingResyncHandler Resync) Replay(IEnumerable<RecordedMessage> messages)
    {
        var definition = new OkxDefinition();
        var registry = new InstrumentRegistry();
        var parser = definition.CreateParser(registry, ParserOptions.Discovering);
        var resync = new RecordingResyncHandler();
        var books = new OrderBookSet(registry, _ => definition.CreateBookRules(0), resync);
        foreach (var message in messages)
            parser.Parse(message.Body, new MessageContext(message.TimestampNs), ref books);
        return (registry, books, resync);
    }

    private static OrderBook Book(InstrumentRegistry registry, OrderBookSet books, string instrumentId)
    {
        Assert.True(registry.TryGet("okx", "all", instrumentId, out var instrument));
        return books.Find(instrument.Id)!;
    }
}
