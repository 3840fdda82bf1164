using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.binance.trade</c>: the USD-M BTCUSDT <c>trade</c> messages of the hftbacktest fixture.</summary>
public sealed class BinanceTradeParseScenario : ParseScenario
{
    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.binance.trade";

    /// <inheritdoc />
    protected override (int Quick, int Full) MessagesPerRound => (400_000, 2_000_000);

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) => RecordedMessages.FromHbt(context.Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz"), "\"e\":\"trade\"");

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
        var dto = JsonSerializer.Deserialize(message, PeerJsonContext.Default.BinanceStreamDtoBinanceTradeDto)!;
        return dto.Data!.TradeId;
    }
}
