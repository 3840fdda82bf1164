using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>
/// What the Binance scanner buys: the recorded spot <c>depthUpdate</c>, <c>trade</c> and
/// <c>bookTicker</c> messages parsed with it (ours) and with the general <c>Utf8JsonReader</c>
/// pass alone (its baseline: the same parser before the scanner).
/// </summary>
/// <remarks>Each benchmark parses 512 recorded messages; <c>OperationsPerInvoke</c> turns that into per-message figures.</remarks>
[MemoryDiagnoser]
public class BinanceScannerBenchmarks
{
    private const int Messages = 512;
    private byte[][] _depth = [];
    private byte[][] _trades = [];
    private byte[][] _bookTickers = [];
    private IExchangeParser _scanning = null!;
    private IExchangeParser _general = null!;

    [GlobalSetup]
    public void Setup()
    {
        var capture = MicroFixtures.Path("binance/hftbacktest/spot/btcusdt_20240808.gz");
        _depth = [.. RecordedMessages.FromHbt(capture, "\"depthUpdate\"").Take(Messages)];
        _trades = [.. RecordedMessages.FromHbt(capture, "\"e\":\"trade\"").Take(Messages)];
        _bookTickers = [.. RecordedMessages.FromHbt(capture, "@bookTicker").Take(Messages)];
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("binance", "spot", "BTCUSDT", 8, 8));
        _scanning = new BinanceParser(new SymbolResolver(registry, "binance", "spot", BinanceVenue.DefaultScales, UnknownSymbolPolicy.Reject), scan: true);
        _general = new BinanceParser(new SymbolResolver(registry, "binance", "spot", BinanceVenue.DefaultScales, UnknownSymbolPolicy.Reject), scan: false);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Depth_Scanner() => MicroFixtures.ParseAll(_scanning, _depth);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Depth_GeneralReader() => MicroFixtures.ParseAll(_general, _depth);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Trade_Scanner() => MicroFixtures.ParseAll(_scanning, _trades);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Trade_GeneralReader() => MicroFixtures.ParseAll(_general, _trades);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BookTicker_Scanner() => MicroFixtures.ParseAll(_scanning, _bookTickers);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BookTicker_GeneralReader() => MicroFixtures.ParseAll(_general, _bookTickers);
}
