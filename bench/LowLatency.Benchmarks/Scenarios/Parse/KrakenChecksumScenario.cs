using System.Diagnostics;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Kraken;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>
/// <c>book.kraken.checksum</c>: ns to compute Kraken's CRC-32 over the top 10 levels of a live
/// depth-10 book, cycling through book states recorded after each of the 510 fixture messages.
/// No peer.
/// </summary>
public sealed class KrakenChecksumScenario : ICompareScenario
{
    private OrderBook[] _books = [];
    private int _computations;

    /// <summary>XOR of the last round's checksums (keeps the work observable).</summary>
    public uint LastChecksum { get; private set; }

    /// <inheritdoc />
    public string Name => "book.kraken.checksum";

    /// <inheritdoc />
    public string Unit => "ns/update";

    /// <inheritdoc />
    public bool HigherIsBetter => false;

    /// <inheritdoc />
    public string? Peer => null;

    /// <inheritdoc />
    public void Setup(CompareContext context)
    {
        var messages = RecordedMessages.FromLines(context.Fixture("kraken/python-kraken-sdk/orderbook-v2.lines"));
        var books = new List<OrderBook>();
        // One processor per captured state keeps each state alive (books are mutable).
        for (var upTo = 1; upTo <= messages.Length; upTo += 8)
        {
            var registry = new InstrumentRegistry();
            registry.Register(new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8));
            var processor = new FeedProcessor(ExchangeCatalog.Get("kraken"), registry, ParserOptions.Default);
            for (var i = 0; i < upTo; i++)
                processor.OnMessage(messages[i], 0);
            books.Add(processor.Books.Books[0]);
        }
        _books = [.. books];
        _computations = context.Size(1_000_000, 5_000_000);
    }

    /// <inheritdoc />
    public RoundResult RunOurs()
    {
        uint checksum = 0;
        var books = _books;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < _computations; i++)
            checksum ^= KrakenBookChecksum.Instance.Compute(books[i % books.Length]);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        LastChecksum = checksum;
        return new RoundResult(elapsed / _computations, _computations, allocated);
    }

    /// <inheritdoc />
    public RoundResult RunPeer() => throw new NotSupportedException("book.kraken.checksum has no peer.");

    /// <inheritdoc />
    public void Cleanup() => _books = [];
}
