using System.Text.RegularExpressions;
using LowLatency.Cli.Commands;
using LowLatency.Replay.Feed;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;

namespace LowLatency.Cli.Tests.Replayer;

/// <summary><c>lowlatency replayer</c> through <see cref="CommandCatalog.RunAsync"/> with captured output.</summary>
public sealed partial class ReplayerCommandTests
{
    [Theory]
    [InlineData("missing --file PATH", "--exchange", "binance")]
    [InlineData("missing --exchange NAME", "--file", "x.gz")]
    [InlineData("--exchange expects one of binance, bybit, kraken, kucoin, okx, got 'mtgox'", "--file", "x.gz", "--exchange", "mtgox")]
    [InlineData("--speed: Received speed 'fast'; expected realtime, max, or xN such as x10", "--file", "x.gz", "--exchange", "binance", "--speed", "fast")]
    [InlineData("--port expects a port number from 0 to 65535, got '70000'", "--file", "x.gz", "--exchange", "binance", "--port", "70000")]
    [InlineData("--format expects hbt, native, cryptofeed or lines, got 'csv'", "--file", "x.gz", "--exchange", "binance", "--format", "csv")]
    [InlineData("Fault spec 'drop:every=0': every=0 is not a whole number of at least 1", "--file", "x.gz", "--exchange", "binance", "--fault", "drop:every=0")]
    [InlineData("unknown or incomplete option '--fast'", "--file", "x.gz", "--exchange", "binance", "--fast")]
    public async Task Bad_arguments_are_one_line_naming_the_problem_and_exit_2(string problem, params string[] args)
    {
        var (exit, output, error) = await RunAsync(CancellationToken.None, ["replayer", .. args]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = Assert.Single(ReplayerCliFixtures.Lines(error));
        Assert.StartsWith($"lowlatency replayer: {problem}. Usage: lowlatency replayer --file PATH", line);
    }

    [Fact]
    public async Task Missing_capture_is_one_line_and_exit_1()
    {
        var (exit, _, error) = await RunAsync(CancellationToken.None, "replayer", "--file", "/nonexistent/capture.gz", "--exchange", "binance");

        Assert.Equal(1, exit);
        Assert.Equal("lowlatency replayer: cannot load the capture: Capture file '/nonexistent/capture.gz' does not exist.", Assert.Single(ReplayerCliFixtures.Lines(error)));
    }

    [Fact]
    public async Task Prints_its_url_serves_until_cancelled_then_prints_what_it_sent()
    {
        var feed = RecordedFeed.Load("binance", ReplayerCliFixtures.BinanceCryptofeed);
        var depth = Enumerable.Range(0, feed.Count).Count(i => feed.Keys[feed.KeyId(i)] == new StreamKey("depth", "nknusdt"));
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var run = CommandCatalog.RunAsync(["replayer", "--file", ReplayerCliFixtures.BinanceCryptofeed, "--exchange", "binance", "--speed", "max", "--fault", "drop:at=1"],
            synchronized, TextWriter.Null, stop.Token);

        var url = await WaitForUrlAsync(synchronized, output);
        await using (var connection = await WebSocketClient.ConnectAsync(new Uri(url, "/stream?streams=nknusdt@depth@100ms")))
        {
            connection.StartReceiving(new Ignore());
            Assert.Equal(WebSocketCloseCode.NormalClosure, (await connection.Completion.WaitAsync(TimeSpan.FromSeconds(30))).Code);
        }
        stop.Cancel();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var lines = ReplayerCliFixtures.Lines(output.ToString());
        Assert.Equal($"replaying 265 binance messages (11 streams, 4 REST responses) from {ReplayerCliFixtures.BinanceCryptofeed} + {ReplayerCliFixtures.BinanceCryptofeed.Replace(".ws.1.0", ".http.0.0")}", lines[0]);
        Assert.Matches(@"^listening ws://127\.0\.0\.1:\d+/ \(REST http://127\.0\.0\.1:\d+/\), speed max, faults drop:at=1$", lines[1]);
        Assert.StartsWith($"sent: connections 1 (refused 0, open 0), messages {depth - 1}, bytes ", lines[^1]);
        Assert.EndsWith("faults: drop 1", lines[^1]);
    }

    private static async Task<Uri> WaitForUrlAsync(TextWriter synchronized, StringWriter output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            string text;
            lock (synchronized)
                text = output.ToString();
            if (ListeningLine().Match(text) is { Success: true } match)
                return new Uri(match.Groups[1].Value);
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandCatalog.RunAsync(args, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"listening (ws://\S+)")]
    private static partial Regex ListeningLine();

    private readonly struct Ignore : IWebSocketMessageHandler
    {
        public void OnMessage(in WebSocketMessage message)
        {
        }
    }
}
