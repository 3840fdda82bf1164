using System.Text.Json;
using LowLatency.Cli.Commands;

namespace LowLatency.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    private static readonly string[] States = ["Synced", "Resyncing", "Stale", "Degraded"];

    [Fact]
    public async Task Demo_runs_without_a_terminal_and_writes_the_json_summary_with_its_keys_and_states()
    {
        var json = Path.Combine(Path.GetTempPath(), $"lowlatency-demo-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = await CliRun.RunAsync("demo", "--duration", "3", "--speed", "x50", "--json", json);

            Assert.True(code == 0, error);
            Assert.Empty(error);
            Assert.Matches(@"(?m)^t=\d+\.\ds messages=\d+ ", output);
            Assert.Contains("demo: summary written to " + json, output, StringComparison.Ordinal);
            using var summary = JsonDocument.Parse(File.ReadAllBytes(json));
            var root = summary.RootElement;
            Assert.True(root.GetProperty("messages").GetInt64() > 0);
            Assert.True(root.GetProperty("events").GetInt64() >= root.GetProperty("messages").GetInt64());
            foreach (var stage in new[] { "parsed", "published", "cache_visible", "signal" })
            {
                var latency = root.GetProperty("latency_us").GetProperty(stage);
                Assert.All(new[] { "p50", "p99", "p99_9", "max" }, key => Assert.True(latency.GetProperty(key).GetDouble() >= 0, $"{stage}.{key}"));
                Assert.True(latency.GetProperty("p50").GetDouble() <= latency.GetProperty("max").GetDouble());
            }
            var allocations = root.GetProperty("allocated_bytes_per_message");
            var threads = allocations.EnumerateObject().Select(p => p.Name).ToArray();
            // The consumers run on one thread, or on three where each has a spare core (EngineOptions.ConsumerThreads).
            Assert.Contains("reader binance_spot", threads);
            Assert.True(threads.Contains("cache+risk+signal") || new[] { "cache", "risk", "signal" }.All(threads.Contains), string.Join(", ", threads));
            Assert.All(threads, t => Assert.True(t is "cache" or "risk" or "signal" or "cache+risk+signal" || t.StartsWith("reader ", StringComparison.Ordinal), t));
            var gc = root.GetProperty("gc_collections");
            Assert.All(new[] { "gen0", "gen1", "gen2" }, key => Assert.True(gc.GetProperty(key).GetInt32() >= 0));
            var instruments = root.GetProperty("instruments").EnumerateArray().ToArray();
            Assert.Contains(instruments, i => i.GetProperty("venue").GetString() == "binance-spot" && i.GetProperty("symbol").GetString() == "BTCUSDT");
            Assert.All(instruments, i => Assert.Contains(i.GetProperty("state").GetString(), States));
            Assert.Equal(root.GetProperty("recordings").GetArrayLength(), instruments.Select(i => i.GetProperty("venue").GetString()).Distinct().Count());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Demo_refuses_an_unknown_argument_in_one_line()
    {
        var (code, _, error) = await CliRun.RunAsync("demo", "--colour", "red");

        Assert.Equal(2, code);
        Assert.Equal("demo: unknown argument '--colour' (usage: demo [--duration SECONDS] [--speed realtime|max|xN] [--json PATH] [--fixtures DIR] [--plain])",
            error.TrimEnd());
    }

    [Fact]
    public async Task Demo_refuses_a_bad_speed_naming_it()
    {
        var (code, _, error) = await CliRun.RunAsync("demo", "--speed", "fast");

        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("'fast'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_without_recordings_says_where_it_looked()
    {
        var empty = Directory.CreateTempSubdirectory("lowlatency-no-fixtures");
        try
        {
            var (code, _, error) = await CliRun.RunAsync("demo", "--fixtures", empty.FullName, "--duration", "1");

            Assert.Equal(2, code);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains("no recording to play", error, StringComparison.Ordinal);
            Assert.Contains(empty.FullName, error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }
}
