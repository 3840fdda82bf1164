using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using ReplayServer = LowLatency.Replay.Server.Replayer;

namespace LowLatency.Cli.Tests.Demo;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_without_a_reachable_exchange_fails_with_one_line_naming_the_connection()
    {
        // Port 1 on loopback refuses connections: the same outcome as no network, without depending on one.
        var config = WriteConfig("ws://127.0.0.1:1/", "http://127.0.0.1:1/");
        try
        {
            var (code, _, error) = await CliRun.RunAsync("run", "--config", config);

            Assert.Equal(1, code);
            var line = Assert.Single(error.TrimEnd().Split('\n'));
            Assert.StartsWith("run: cannot connect binance_spot (binance-spot): connect failed: ", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Run_streams_the_configured_instruments_through_the_hosted_engine()
    {
        var feed = RecordedFeed.Load("binance", FixturePaths.Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz"));
        await using var replayer = ReplayServer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Times(10), Loop = true });
        var config = WriteConfig(replayer.Url.ToString(), replayer.RestUrl.ToString());
        try
        {
            var (code, output, error) = await CliRun.RunAsync("run", "--config", config, "--duration", "2");

            Assert.True(code == 0, error);
            Assert.Contains("binance-spot BTCUSDT ", output, StringComparison.Ordinal);
            Assert.Contains("binance_spot:Connected", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Run_without_config_file_says_so()
    {
        var (code, _, error) = await CliRun.RunAsync("run", "--config", "/nonexistent/lowlatency.json");

        Assert.Equal(2, code);
        Assert.Equal("run: config file not found: /nonexistent/lowlatency.json", error.TrimEnd());
    }

    private static string WriteConfig(string webSocketUrl, string restUrl)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lowlatency-run-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "LowLatency": {
                "Exchanges": { "binance-spot": { "WebSocketUrl": "{{webSocketUrl}}", "RestUrl": "{{restUrl}}" } },
                "Subscriptions": [ { "Venue": "binance-spot", "Symbol": "BTCUSDT", "Channels": "Book, BestBidOffer" } ]
              }
            }
            """);
        return path;
    }
}
