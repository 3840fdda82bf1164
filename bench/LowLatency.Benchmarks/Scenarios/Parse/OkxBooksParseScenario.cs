using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.okx.books</c>: the 290 recorded OKX <c>books</c> pushes (3 snapshots of up to 400 levels a side, 287 updates; cryptofeed fixture).</summary>
public sealed class OkxBooksParseScenario : ParseScenario
{
    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.okx.books";

    /// <inheritdoc />
    protected override (int Quick, int Full) MessagesPerRound => (30_000, 240_000);

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) =>
        CaptureFrames.FromCryptofeed(context.Fixture("okx/cryptofeed/OKX.ws.1.0"), "\"action\":");

    /// <inheritdoc />
    protected override void Prepare()
    {
        // The instruments' tick and lot sizes as OKX lists them.
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("okx", "all", "BTC-USDT", 1, 8));
        registry.Register(new InstrumentSpec("okx", "all", "UNI-USD-SWAP", 3, 0));
        registry.Register(new InstrumentSpec("okx", "all", "BTC-USD-220527", 1, 0));
        _parser = ExchangeCatalog.Get("okx").CreateParser(registry, ParserOptions.Default);
    }

    /// <inheritdoc />
    protected override void ParseOurs(byte[] message, ref CountingSink sink) =>
        _parser.Parse(message, new MessageContext(0), ref sink);

    /// <inheritdoc />
    protected override long ParsePeer(byte[] message)
    {
        var dto = JsonSerializer.Deserialize(message, OkxPeerJsonContext.Default.OkxBooksDto)!;
        return dto.Data![0].Checksum + dto.Data[0].Asks!.Length + 1;
    }
}
