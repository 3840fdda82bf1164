using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.binance.depth</c>: the 6,551 USD-M BTCUSDT <c>depthUpdate</c> messages of the hftbacktest fixture.</summary>
public sealed class BinanceDepthParseScenario : ParseScenario
{
    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.binance.depth";

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) => RecordedMessages.FromHbt(context.Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz"), "\"depthUpdate\"");

    /// <inheritdoc />
    protected override void Prepare()
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("binance", "usdm", "BTCUSDT", 8, 8));
        _parser = ExchangeCatalog.Get("binance-usdm").CreateParser(registry, ParserOptions.Default);
    }

    /// <inheritdoc />
    protected override void ParseOurs(byte[] message, ref CountingSink sink) =>
        _parser.Parse(message, new MessageContext(0), ref sink);

    /// <inheritdoc />
    protected override long ParsePeer(byte[] message)
    {
        var dto = JsonSerializer.Deserialize(message, PeerJsonContext.Default.BinanceStreamDtoBinanceDepthDto)!;
        return dto.Data!.FinalUpdateId + dto.Data.Bids!.Length;
    }
}
