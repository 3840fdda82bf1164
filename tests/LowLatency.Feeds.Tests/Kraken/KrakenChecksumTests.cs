using System.Text;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Kraken;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Kraken;

public sealed class KrakenChecksumTests
{
    [Fact]
    public void Kraken_v2_orderbook_fixture_verifies_510_of_510_checksums()
    {
        var processor = KrakenFixtures.ProcessorWithInstruments();
        foreach (var message in KrakenFixtures.OrderBookV2Messages())
            Assert.Equal(ParseStatus.Ok, processor.OnMessage(message, 0).Status);

        var book = processor.Books.Books.Single();
        Assert.Equal(510, book.Counters.ChecksumOk);
        Assert.Equal(0, book.Counters.ChecksumFailed);
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(10, book.Bids.Count);
        Assert.Equal(10, book.Asks.Count);
    }

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var vector in LoadVectors().RootElement.GetProperty("vectors").EnumerateArray())
            data.Add(vector.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Kraken_checksum_reproduces_the_known_answer_vector(string id)
    {
        using var document = LoadVectors();
        var vector = document.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);
        var expected = vector.GetProperty("expected_checksums").EnumerateArray().Select(c => c.GetUInt32()).ToArray();
        var computed = vector.TryGetProperty("messages", out var messages) ? FromMessages(vector, messages) : FromV1Levels(vector);
        Assert.Equal(expected, computed);
    }

    [Fact]
    public void Kraken_checksum_of_a_flipped_digit_fails_and_resyncs_the_book()
    {
        var processor = KrakenFixtures.ProcessorWithInstruments();
        var messages = KrakenFixtures.OrderBookV2Messages();
        // Update 200 carries a quantity; change its first digit after the point.
        var text = Encoding.UTF8.GetString(messages[200]);
        var at = text.IndexOf("\"qty\": ", StringComparison.Ordinal) + 7;
        var point = text.IndexOf('.', at);
        var digit = text[point + 1];
        messages[200] = Encoding.UTF8.GetBytes(text[..(point + 1)] + (digit == '9' ? '1' : (char)(digit + 1)) + text[(point + 2)..]);

        for (var i = 0; i <= 200; i++)
            processor.OnMessage(messages[i], 0);

        var book = processor.Books.Books.Single();
        Assert.Equal(200, book.Counters.ChecksumOk);
        Assert.Equal(1, book.Counters.ChecksumFailed);
        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Resyncs);
        Assert.Equal([book.InstrumentId], processor.SnapshotRequests.Pending);

        // A resync is a resubscription: the next snapshot brings the book back.
        processor.OnMessage(messages[0], 0);
        Assert.Equal(BookQuality.Synced, book.Quality);
    }

    [Fact]
    public void Kraken_checksum_allocates_nothing()
    {
        var processor = KrakenFixtures.ProcessorWithInstruments();
        processor.OnMessage(KrakenFixtures.OrderBookV2Messages()[0], 0);
        var book = processor.Books.Books.Single();
        var checksum = KrakenBookChecksum.Instance.Compute(book);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            checksum ^= KrakenBookChecksum.Instance.Compute(book);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static JsonDocument LoadVectors() =>
        JsonDocument.Parse(File.ReadAllBytes(Fixtures.Path("kraken/checksum_vectors/kraken_book_checksum_vectors.json")));

    private static uint[] FromMessages(JsonElement vector, JsonElement messages)
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("kraken", "spot", vector.GetProperty("symbol").GetString()!,
            vector.GetProperty("price_precision").GetInt32(), vector.GetProperty("qty_precision").GetInt32()));
        var depth = vector.TryGetProperty("depth", out var d) ? d.GetInt32() : 10;
        var processor = new FeedProcessor(ExchangeCatalog.Get("kraken"), registry, ParserOptions.Default, depth);
        var computed = new List<uint>();
        foreach (var message in messages.EnumerateArray())
        {
            Assert.Equal(ParseStatus.Ok, processor.OnMessage(Encoding.UTF8.GetBytes(message.GetString()!), 0).Status);
            var book = processor.Books.Books.Single();
            Assert.Equal(0, book.Counters.ChecksumFailed);
            computed.Add(KrakenBookChecksum.Instance.Compute(book));
        }
        return [.. computed];
    }

    // The v1 vector gives levels as decimal strings; v1 renders them as sent, i.e. at 5 and 8 decimals here.
    private static uint[] FromV1Levels(JsonElement vector)
    {
        var book = new OrderBook(0, 5, 8, new BookRules(BookSequenceRule.None, SnapshotSource.Stream));
        var snapshot = new List<MarketEvent>();
        foreach (var (side, name) in new[] { (Side.Sell, "asks"), (Side.Buy, "bids") })
        {
            foreach (var level in vector.GetProperty(name).EnumerateArray())
            {
                snapshot.Add(new MarketEvent
                {
                    Kind = MarketEventKind.BookSnapshotLevel,
                    Side = side,
                    Price = FixedPointParser.Parse(Encoding.UTF8.GetBytes(level[0].GetString()!), 5),
                    Quantity = FixedPointParser.Parse(Encoding.UTF8.GetBytes(level[1].GetString()!), 8),
                });
            }
        }
        snapshot.Add(new MarketEvent { Kind = MarketEventKind.BookEnd, Flags = MarketEventFlags.Snapshot });
        foreach (var e in snapshot)
            book.Apply(e);
        return [KrakenBookChecksum.Instance.Compute(book)];
    }
}
