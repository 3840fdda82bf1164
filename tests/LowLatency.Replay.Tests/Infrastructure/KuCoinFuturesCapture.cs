using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// A KuCoin futures capture in the native <c>&lt;unix_ns&gt;\t&lt;raw&gt;</c> format, derived at test
/// time from KuCoin's own push examples (kucoin-universal-sdk/DERIVED_ws_response_examples.jsonl):
/// XBTUSDTM <c>tickerV2</c>, <c>ticker</c>, <c>level2</c> and <c>execution</c>, each timed by its own time.
/// </summary>
/// <remarks>No futures recording exists among the fixtures; the level-2 push has no REST snapshot to bridge, so its book never syncs.</remarks>
public static class KuCoinFuturesCapture
{
    private static readonly string[] Topics = ["/contractMarket/tickerV2:{symbol}", "/contractMarket/ticker:{symbol}", "/contractMarket/level2:{symbol}", "/contractMarket/execution:{symbol}"];
    private static readonly Lazy<string> s_path = new(Write);

    public static string Path => s_path.Value;

    private static string Write()
    {
        var pushes = new List<(long TimestampNs, string Raw)>();
        foreach (var line in File.ReadLines(TestPaths.Fixture("kucoin/kucoin-universal-sdk/DERIVED_ws_response_examples.jsonl")))
        {
            using var example = JsonDocument.Parse(line);
            if (!Topics.Contains(example.RootElement.GetProperty("x-topic").GetString()))
                continue;
            var raw = example.RootElement.GetProperty("example_raw").GetString()!;
            using var push = JsonDocument.Parse(raw);
            var data = push.RootElement.GetProperty("data");
            var timeNs = data.TryGetProperty("ts", out var ts) ? ts.GetInt64() : data.GetProperty("timestamp").GetInt64() * 1_000_000;
            pushes.Add((timeNs, raw));
        }
        var text = new StringBuilder();
        foreach (var (timestampNs, raw) in pushes.OrderBy(p => p.TimestampNs))
            text.Append(timestampNs.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(raw).Append('\n');
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kucoin-futures-{Environment.ProcessId}.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
