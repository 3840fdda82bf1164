using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>
/// Per-message parse cost over recorded messages, ours (into <c>MarketEvent</c>s through a struct
/// sink) against System.Text.Json with a source-generated context into DTOs.
/// </summary>
/// <remarks>Each benchmark parses the whole recorded set once; <c>OperationsPerInvoke</c> turns that into per-message figures.</remarks>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private const int Messages = 512;
    private byte[][] _depth = [];
    private byte[][] _trades = [];
    private byte[][] _kraken = [];
    private IExchangeParser _binance = null!;
    private IExchangeParser _krakenParser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _depth = [.. RecordedMessages.FromHbt(RecordedMessages.Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz"), "\"depthUpdate\"").Take(Messages)];
        _trades = [.. RecordedMessages.FromHbt(RecordedMessages.Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz"), "\"e\":\"trade\"").Take(Messages)];
        _kraken = [.. RecordedMessages.FromLines(RecordedMessages.Fixture("kraken/python-kraken-sdk/orderbook-v2.lines")).Take(Messages)];
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("binance", "usdm", "BTCUSDT", 8, 8));
        registry.Register(new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8));
        _binance = ExchangeCatalog.Get("binance-usdm").CreateParser(registry, ParserOptions.Default);
        _krakenParser = ExchangeCatalog.Get("kraken").CreateParser(registry, ParserOptions.Default);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BinanceDepth_Ours() => ParseAll(_binance, _depth);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BinanceDepth_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _depth)
            kept += JsonSerializer.Deserialize(message, PeerJsonContext.Default.BinanceStreamDtoBinanceDepthDto)!.Data!.FinalUpdateId;
        return kept;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BinanceTrade_Ours() => ParseAll(_binance, _trades);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long BinanceTrade_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _trades)
            kept += JsonSerializer.Deserialize(message, PeerJsonContext.Default.BinanceStreamDtoBinanceTradeDto)!.Data!.TradeId;
        return kept;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long KrakenBook_Ours() => ParseAll(_krakenParser, _kraken);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long KrakenBook_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _kraken)
            kept += JsonSerializer.Deserialize(message, PeerJsonContext.Default.KrakenBookDto)!.Data![0].Checksum;
        return kept;
    }

    private static long ParseAll(IExchangeParser parser, byte[][] messages)
    {
        var sink = default(CountingSink);
        foreach (var message in messages)
            parser.Parse(message, new MessageContext(0), ref sink);
        return sink.Sum;
    }
}
