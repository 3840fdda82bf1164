using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Okx;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>
/// Per-message cost of the 290 recorded OKX <c>books</c> pushes (ours against System.Text.Json
/// source-generated DTOs), and of one OKX checksum over the top 25 levels of the rebuilt BTC-USDT book.
/// </summary>
[MemoryDiagnoser]
public class OkxParseBenchmarks
{
    private byte[][] _messages = [];
    private IExchangeParser _parser = null!;
    private OrderBook _book = null!;

    [GlobalSetup]
    public void Setup()
    {
        _messages = CaptureFrames.FromCryptofeed(MicroFixtures.Path("okx/cryptofeed/OKX.ws.1.0"), "\"action\":");
        var registry = new InstrumentRegistry();
        var btc = registry.Register(new InstrumentSpec("okx", "all", "BTC-USDT", 1, 8));
        registry.Register(new InstrumentSpec("okx", "all", "UNI-USD-SWAP", 3, 0));
        registry.Register(new InstrumentSpec("okx", "all", "BTC-USD-220527", 1, 0));
        var definition = ExchangeCatalog.Get("okx");
        _parser = definition.CreateParser(registry, ParserOptions.Default);
        var books = new OrderBookSet(registry, _ => definition.CreateBookRules(0));
        foreach (var message in _messages)
            _parser.Parse(message, new MessageContext(0), ref books);
        _book = books.Find(btc.Id)!;
    }

    [Benchmark(OperationsPerInvoke = 290)]
    public long Books_Ours() => MicroFixtures.ParseAll(_parser, _messages);

    [Benchmark(OperationsPerInvoke = 290)]
    public long Books_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _messages)
            kept += JsonSerializer.Deserialize(message, OkxPeerJsonContext.Default.OkxBooksDto)!.Data![0].Checksum;
        return kept;
    }

    [Benchmark]
    public uint Checksum_Top25() => OkxBookChecksum.Instance.Compute(_book);
}
