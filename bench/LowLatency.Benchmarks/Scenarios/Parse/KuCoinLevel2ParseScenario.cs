using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.kucoin.level2</c>: the 3,853 recorded KuCoin spot <c>trade.l2update</c> pushes of 9 pairs (cryptofeed fixture).</summary>
public sealed class KuCoinLevel2ParseScenario : ParseScenario
{
    private static readonly string[] Symbols = ["BCHSV-USDT", "SNX-BTC", "CAPP-BTC", "ANKR-BTC", "FET-BTC", "DAPPT-BTC", "NRG-BTC", "COV-BTC", "EQZ-BTC"];

    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.kucoin.level2";

    /// <inheritdoc />
    protected override (int Quick, int Full) MessagesPerRound => (100_000, 800_000);

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) =>
        CaptureFrames.FromCryptofeed(context.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0"), "\"trade.l2update\"");

    /// <inheritdoc />
    protected override void Prepare()
    {
        var registry = new InstrumentRegistry();
        foreach (var symbol in Symbols)
            registry.Register(new InstrumentSpec("kucoin", "spot", symbol, 10, symbol == "BCHSV-USDT" ? 11 : 8));
        _parser = ExchangeCatalog.Get("kucoin-spot").CreateParser(registry, ParserOptions.Default);
    }

    /// <inheritdoc />
    protected override void ParseOurs(byte[] message, ref CountingSink sink) =>
        _parser.Parse(message, new MessageContext(0), ref sink);

    /// <inheritdoc />
    protected override long ParsePeer(byte[] message)
    {
        var dto = JsonSerializer.Deserialize(message, KuCoinPeerJsonContext.Default.KuCoinLevel2Dto)!;
        return dto.Data!.SequenceEnd + dto.Data.Changes!.Asks!.Length;
    }
}
