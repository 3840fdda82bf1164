using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>Per-message cost of the first 512 recorded KuCoin spot <c>trade.l2update</c> pushes: ours against System.Text.Json source-generated DTOs.</summary>
[MemoryDiagnoser]
public class KuCoinParseBenchmarks
{
    private const int Messages = 512;
    private byte[][] _messages = [];
    private IExchangeParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _messages = [.. CaptureFrames.FromCryptofeed(MicroFixtures.Path("kucoin/cryptofeed/KUCOIN.ws.1.0"), "\"trade.l2update\"").Take(Messages)];
        var registry = new InstrumentRegistry();
        foreach (var symbol in new[] { "BCHSV-USDT", "SNX-BTC", "CAPP-BTC", "ANKR-BTC", "FET-BTC", "DAPPT-BTC", "NRG-BTC", "COV-BTC", "EQZ-BTC" })
            registry.Register(new InstrumentSpec("kucoin", "spot", symbol, 10, symbol == "BCHSV-USDT" ? 11 : 8));
        _parser = ExchangeCatalog.Get("kucoin-spot").CreateParser(registry, ParserOptions.Default);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Level2_Ours() => MicroFixtures.ParseAll(_parser, _messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public long Level2_JsonSerializer()
    {
        long kept = 0;
        foreach (var message in _messages)
            kept += JsonSerializer.Deserialize(message, KuCoinPeerJsonContext.Default.KuCoinLevel2Dto)!.Data!.SequenceEnd;
        return kept;
    }
}
