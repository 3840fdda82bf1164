using LowLatency.Cli.Commands;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using ReplayServer = LowLatency.Replay.Server.Replayer;

namespace LowLatency.Cli.Tests.Replayer;

/// <summary><c>lowlatency record</c> against an in-process replayer.</summary>
public sealed class RecordCommandTests
{
    [Fact]
    public async Task Records_the_subscribed_feed_into_a_capture_the_replayer_plays_back_identically()
    {
        var feed = RecordedFeed.Load("binance", ReplayerCliFixtures.BinanceCryptofeed);
        var path = Path.Combine(Path.GetTempPath(), $"record-{Guid.NewGuid():N}", "binance.txt");
        await using var replayer = ReplayServer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max });
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandCatalog.RunAsync(["record", replayer.WebSocketUrl("/stream").ToString(), "--subscribe",
            "{\"method\":\"SUBSCRIBE\",\"params\":[\"nknusdt@depth@100ms\",\"lrcbtc@bookTicker\"],\"id\":1}", "--out", path, "--gzip", "--duration", "30"],
            output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        var expected = Enumerable.Range(0, feed.Count)
            .Where(i => feed.Keys[feed.KeyId(i)] is { Channel: "depth", Symbol: "nknusdt" } or { Channel: "bookTicker", Symbol: "lrcbtc" }).ToList();
        Assert.Equal($"recorded {expected.Count + 1} messages (dropped 0) to {path}.gz", Assert.Single(ReplayerCliFixtures.Lines(output.ToString())));
        var recorded = RecordedFeed.Load("binance", path + ".gz");
        Assert.Equal(1, recorded.SessionMessages);
        Assert.Equal(expected.Select(i => feed.Payload(i).ToArray()), Enumerable.Range(0, recorded.Count).Select(i => recorded.Payload(i).ToArray()));
    }

    [Theory]
    [InlineData("missing URL", "--out", "x.txt")]
    [InlineData("missing --out PATH", "ws://127.0.0.1:1/")]
    [InlineData("'http://x/' is not a ws:// or wss:// URL", "http://x/", "--out", "x.txt")]
    [InlineData("--duration expects a positive number of seconds, got '-1'", "ws://127.0.0.1:1/", "--out", "x.txt", "--duration", "-1")]
    public async Task Bad_arguments_are_one_line_naming_the_problem_and_exit_2(string problem, params string[] args)
    {
        var error = new StringWriter();

        var exit = await CommandCatalog.RunAsync(["record", .. args], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith($"lowlatency record: {problem}. Usage: lowlatency record URL", Assert.Single(ReplayerCliFixtures.Lines(error.ToString())));
    }

    [Fact]
    public async Task Unreachable_url_is_one_line_and_exit_1()
    {
        var error = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"record-{Guid.NewGuid():N}.txt");

        var exit = await CommandCatalog.RunAsync(["record", "ws://127.0.0.1:1/", "--out", path], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.StartsWith("lowlatency record: ws://127.0.0.1:1/: ", Assert.Single(ReplayerCliFixtures.Lines(error.ToString())));
    }
}
