using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.kraken.book</c>: the 510 Kraken v2 BTC/USD book messages (python-kraken-sdk fixture, one per line).</summary>
public sealed class KrakenBookParseScenario : ParseScenario
{
    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.kraken.book";

    /// <inheritdoc />
    protected override (int Quick, int Full) MessagesPerRound => (200_000, 1_000_000);

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) => RecordedMessages.FromLines(context.Fixture("kraken/python-kraken-sdk/orderbook-v2.lines"));

    /// <inheritdoc />
    protected override void Prepare()
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8));
        _parser = ExchangeCatalog.Get("kraken").CreateParser(registry, ParserOptions.Default);
    }

    /// <inheritdoc />
    protected override void ParseOurs(byte[] message, ref CountingSink sink) =>
        _parser.Parse(message, new MessageContext(0), ref sink);

    /// <inheritdoc />
    protected override long ParsePeer(byte[] message)
    {
        var dto = JsonSerializer.Deserialize(message, PeerJsonContext.Default.KrakenBookDto)!;
        return dto.Data![0].Checksum + 1;
    }
}
