using System.Text;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Kraken;

internal static class KrakenFixtures
{
    public const string InstrumentSnapshot = "kraken/kraken-data-recorder/instrument_snapshot.json";

    /// <summary>A Kraken processor whose instruments come from the recorded <c>instrument</c> snapshot.</summary>
    public static FeedProcessor ProcessorWithInstruments(int depth = 10)
    {
        var processor = new FeedProcessor(ExchangeCatalog.Get("kraken"), new InstrumentRegistry(), ParserOptions.Default, depth);
        var result = processor.OnMessage(File.ReadAllBytes(Fixtures.Path(InstrumentSnapshot)), 0);
        if (result.Status != ParseStatus.Ok)
            throw new InvalidOperationException("instrument snapshot: " + result);
        return processor;
    }

    /// <summary>The 510 messages of python-kraken-sdk's orderbook-v2.json: the snapshot, then the 509 updates.</summary>
    public static List<byte[]> OrderBookV2Messages()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Path("kraken/python-kraken-sdk/orderbook-v2.json")));
        var messages = new List<byte[]> { Encoding.UTF8.GetBytes(document.RootElement.GetProperty("init").GetRawText()) };
        foreach (var update in document.RootElement.GetProperty("updates").EnumerateArray())
            messages.Add(Encoding.UTF8.GetBytes(update.GetRawText()));
        return messages;
    }

    /// <summary>The pushed message (after the <c>=</c> line) of a Kraken.Net documentation example.</summary>
    public static byte[] DocumentationPush(string file)
    {
        var text = File.ReadAllText(Fixtures.Path("kraken/Kraken.Net/" + file));
        return Encoding.UTF8.GetBytes(text[(text.IndexOf("\n=", StringComparison.Ordinal) + 2)..]);
    }
}
