using System.Text.Json;
using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary><c>parse.bybit.orderbook</c>: the 50 recorded Bybit <c>orderbook.500.XRPUSDT</c> messages (one 1,000-level snapshot, 49 deltas).</summary>
public sealed class BybitOrderbookParseScenario : ParseScenario
{
    private IExchangeParser _parser = null!;

    /// <inheritdoc />
    public override string Name => "parse.bybit.orderbook";

    /// <inheritdoc />
    protected override (int Quick, int Full) MessagesPerRound => (10_000, 80_000);

    /// <inheritdoc />
    protected override byte[][] LoadMessages(CompareContext context) =>
        CaptureFrames.FromLines(context.Fixture("bybit/nautilus_trader/2024-12-01_XRPUSDT_ob500.data"));

    /// <inheritdoc />
    protected override void Prepare()
    {
        // XRPUSDT's instrument data: tick 0.0001, lot 1.
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("bybit", "linear", "XRPUSDT", 4, 0));
        _parser = ExchangeCatalog.Get("bybit-linear").CreateParser(registry, ParserOptions.Default);
    }

    /// <inheritdoc />
    protected override void ParseOurs(byte[] message, ref CountingSink sink) =>
        _parser.Parse(message, new MessageContext(0), ref sink);

    /// <inheritdoc />
    protected override long ParsePeer(byte[] message)
    {
        var dto = JsonSerializer.Deserialize(message, BybitPeerJsonContext.Default.BybitOrderbookDto)!;
        return dto.Data!.UpdateId + dto.Data.Bids!.Length;
    }
}
