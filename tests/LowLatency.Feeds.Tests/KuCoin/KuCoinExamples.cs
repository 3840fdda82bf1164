using System.Text;
using System.Text.Json;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

/// <summary>KuCoin's documentation examples from the fixtures (official SDK specification, Kucoin.Net test files).</summary>
internal static class KuCoinExamples
{
    private static readonly Lazy<Dictionary<string, string>> WebSocket = new(() =>
        File.ReadLines(RecordedFeed.FixturePath("kucoin/kucoin-universal-sdk/DERIVED_ws_response_examples.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .GroupBy(e => e.GetProperty("x-topic").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("example_raw").GetString()!));

    /// <summary>The push example of a topic, e.g. <c>/contractMarket/level2:{symbol}</c>.</summary>
    public static byte[] Push(string topic) => Encoding.UTF8.GetBytes(WebSocket.Value[topic]);

    /// <summary>The REST response example of a futures market path (the spec escapes it twice).</summary>
    public static byte[] FuturesRest(string path)
    {
        using var spec = JsonDocument.Parse(File.ReadAllBytes(RecordedFeed.FixturePath("kucoin/kucoin-universal-sdk/openapi-futures-market.json")));
        var example = spec.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("x-response-example").GetString()!;
        return Encoding.UTF8.GetBytes(example.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal));
    }

    /// <summary>The pushed message (after the <c>=</c> line) of a Kucoin.Net subscription file.</summary>
    public static byte[] KucoinNet(string file)
    {
        var text = File.ReadAllText(RecordedFeed.FixturePath("kucoin/Kucoin.Net/" + file));
        return Encoding.UTF8.GetBytes(text[(text.IndexOf("\n=", StringComparison.Ordinal) + 2)..].Trim());
    }
}
