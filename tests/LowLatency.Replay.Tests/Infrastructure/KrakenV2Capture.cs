using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// A Kraken WebSocket v2 capture in our native <c>&lt;unix_ns&gt;\t&lt;raw&gt;</c> format, derived at
/// test time from fixtures: the documentation's ticker and trade pushes (Kraken.Net/*.txt, ETH/USDT)
/// and the 510 recorded book messages of python-kraken-sdk/orderbook-v2.json (BTC/USD), each
/// written as compact JSON (numbers keep their text) and timed by its own timestamp.
/// </summary>
/// <remarks>No real multi-message v2 wire capture exists among the fixtures (see tests/fixtures/SOURCES.md), hence the derivation.</remarks>
public static class KrakenV2Capture
{
    private static readonly Lazy<string> s_path = new(Write);

    public static string Path => s_path.Value;

    private static string Write()
    {
        var book = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("kraken/python-kraken-sdk/orderbook-v2.json")))!;
        var updates = book["updates"]!.AsArray();
        var firstUpdate = TimestampNs(updates[0]!["data"]![0]!["timestamp"]!.GetValue<string>());
        var lines = new StringBuilder();
        AppendDocumentationPush(lines, "Ticker.txt", firstUpdate - 3_000_000);
        AppendDocumentationPush(lines, "Trades.txt", firstUpdate - 2_000_000);
        Append(lines, firstUpdate - 1_000_000, book["init"]!);
        foreach (var update in updates)
            Append(lines, TimestampNs(update!["data"]![0]!["timestamp"]!.GetValue<string>()), update);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kraken-v2-{Environment.ProcessId}.txt");
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    private static void AppendDocumentationPush(StringBuilder lines, string file, long timestampNs)
    {
        var text = File.ReadAllText(TestPaths.Fixture("kraken/Kraken.Net/" + file));
        var push = text[(text.IndexOf("\n= ", StringComparison.Ordinal) + 3)..];
        Append(lines, timestampNs, JsonNode.Parse(push)!);
    }

    private static void Append(StringBuilder lines, long timestampNs, JsonNode message) =>
        lines.Append(timestampNs.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(message.ToJsonString(new JsonSerializerOptions { WriteIndented = false })).Append('\n');

    private static long TimestampNs(string rfc3339) =>
        (DateTimeOffset.Parse(rfc3339, CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
