using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Kraken;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>Kraken CRC-32 over the top 10 of a depth-10 BTC/USD book, and a whole book update (parse, apply, verify).</summary>
[MemoryDiagnoser]
public class KrakenChecksumBenchmarks
{
    private OrderBook _book = null!;
    private FeedProcessor _processor = null!;
    private byte[][] _messages = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _messages = RecordedMessages.FromLines(RecordedMessages.Fixture("kraken/python-kraken-sdk/orderbook-v2.lines"));
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8));
        _processor = new FeedProcessor(ExchangeCatalog.Get("kraken"), registry, ParserOptions.Default);
        foreach (var message in _messages)
            _processor.OnMessage(message, 0);
        _book = _processor.Books.Books[0];
    }

    [Benchmark]
    public uint Checksum() => KrakenBookChecksum.Instance.Compute(_book);

    /// <summary>One recorded message end to end, cycling through the recording (each cycle starts with its snapshot).</summary>
    [Benchmark]
    public int ParseApplyVerify()
    {
        _next = (_next + 1) % _messages.Length;
        return _processor.OnMessage(_messages[_next], 0).EventCount;
    }
}
