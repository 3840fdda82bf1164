using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>Per-message cost of the recorded Bybit <c>orderbook.500.XRPUSDT</c> messages: ours against System.Text.Json source-generated DTOs.</summary>
[MemoryDiagnoser]
public class BybitParseBenchmarks
{
    private byte[][] _messages = [];
    private IExchangeParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _messages = CaptureFrames.FromLines(MicroFixtures.Path("bybit/nautilus_trader/2024-12-01_XRPUSDT_ob500.data"));
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("bybit", "linear", "XRPUSDT", 4, 0));
        _parser = ExchangeCatalog.Get("bybit-linear").CreateParser(registry, ParserOptions.Default);
    }

    [Benchmark(OperationsPerInvoke = 50)]
    public long Orderbook_Ours() => MicroFixtures.ParseAll(_parser, _messages);

    [Benchmark(OperationsPerInvoke = 50)]
    public long Orderbook_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _messages)
            kept += JsonSerializer.Deserialize(message, BybitPeerJsonContext.Default.BybitOrderbookDto)!.Data!.UpdateId;
        return kept;
    }
}
