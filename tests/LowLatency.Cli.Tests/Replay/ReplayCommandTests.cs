using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LowLatency.Cli.Commands;

namespace LowLatency.Cli.Tests.Replay;

public sealed class ReplayCommandTests
{
    private static readonly Lazy<string> FixtureRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures");
    });

    private static string Fixture(string relative) => Path.Combine(FixtureRoot.Value, relative);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandCatalog.RunAsync(["replay", .. args], output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement Instrument(JsonDocument report, string symbol) =>
        report.RootElement.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("symbol").GetString() == symbol);

    [Fact]
    public async Task Replay_reports_the_binance_spot_book_synced_with_the_json_keys()
    {
        var (code, output, error) = await Run("--file", Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz"), "--format", "hbt", "--exchange", "binance-spot", "--report", "json");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.Equal(41249, root.GetProperty("messages").GetInt64());
        Assert.True(root.GetProperty("events").GetInt64() > 41249);
        Assert.Equal(0, root.GetProperty("parse_errors").GetInt64());
        Assert.Equal(0, root.GetProperty("unknown_messages").GetInt64());
        var btc = Instrument(report, "BTCUSDT");
        Assert.Equal("synced", btc.GetProperty("state").GetString());
        Assert.Equal(0, btc.GetProperty("gaps").GetInt64());
        Assert.Equal(0, btc.GetProperty("resyncs").GetInt64());
        Assert.True(btc.GetProperty("bid_levels").GetInt32() > 0);
        var bid = decimal.Parse(btc.GetProperty("best_bid").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var ask = decimal.Parse(btc.GetProperty("best_ask").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(bid < ask);
        foreach (var key in new[] { "best_bid_qty", "best_ask_qty", "ask_levels", "checksum_ok", "checksum_failed", "cross_checks_compared", "cross_checks_matched" })
            Assert.True(btc.TryGetProperty(key, out _), key);
    }

    [Fact]
    public async Task Replay_runs_through_the_engine_ring_and_consumers_and_reports_their_figures()
    {
        var (code, output, _) = await Run("--file", Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz"), "--exchange", "binance-spot");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var engine = report.RootElement.GetProperty("engine");
        Assert.True(engine.GetProperty("seconds").GetDouble() > 0);
        Assert.True(engine.GetProperty("messages_per_second").GetDouble() > 0);
        Assert.Equal(0, engine.GetProperty("ring_overruns").GetInt64());
        var latency = engine.GetProperty("latency_us");
        // Every message with events was published and made a cache update visible.
        long parsed = latency.GetProperty("parsed").GetProperty("samples").GetInt64();
        Assert.Equal(41249, parsed);
        Assert.True(latency.GetProperty("cache_visible").GetProperty("samples").GetInt64() >= parsed);
        foreach (var key in new[] { "p50", "p99", "p99_9", "max" })
            Assert.True(latency.GetProperty("cache_visible").TryGetProperty(key, out _), key);
        Assert.True(engine.TryGetProperty("gc_collections", out _));
    }

    [Fact]
    public async Task Replay_cross_checks_binance_usdm_against_bookTicker()
    {
        var (code, output, _) = await Run("--file", Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz"), "--exchange", "binance-usdm");
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var btc = Instrument(report, "BTCUSDT");
        Assert.Equal(126, btc.GetProperty("cross_checks_compared").GetInt64());
        Assert.Equal(126, btc.GetProperty("cross_checks_matched").GetInt64());
    }

    [Fact]
    public async Task Replay_of_a_cryptofeed_capture_uses_its_REST_snapshots()
    {
        var (code, output, _) = await Run("--file", Fixture("binance/cryptofeed/BINANCE_DELIVERY.ws.1.0"), "--format", "cryptofeed", "--exchange", "binance-coinm");
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var instruments = report.RootElement.GetProperty("instruments").EnumerateArray().ToList();
        Assert.Equal(10, instruments.Count);
        Assert.All(instruments, i => Assert.Equal("synced", i.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Replay_verifies_every_kraken_checksum_with_the_recorded_instrument_data()
    {
        var (code, output, _) = await Run("--file", Fixture("kraken/python-kraken-sdk/orderbook-v2.lines"), "--format", "lines", "--exchange", "kraken",
            "--instruments", Fixture("kraken/kraken-data-recorder/instrument_snapshot.json"));
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var btc = Instrument(report, "BTC/USD");
        Assert.Equal(510, btc.GetProperty("checksum_ok").GetInt64());
        Assert.Equal(0, btc.GetProperty("checksum_failed").GetInt64());
        Assert.Equal(10, btc.GetProperty("bid_levels").GetInt32());
        Assert.Equal("synced", btc.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Replay_prints_the_same_figures_as_a_table_with_report_text()
    {
        var (code, output, _) = await Run("--file", Fixture("binance/cryptofeed/BINANCE.ws.1.0"), "--exchange", "binance-spot", "--report", "text");
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("exchange binance-spot: messages ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("engine: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("msg/s through ring and consumers", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("symbol", lines[2], StringComparison.Ordinal);
        Assert.Contains("cross_checks_matched", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("NKNUSDT", StringComparison.Ordinal) && l.Contains("synced", StringComparison.Ordinal));
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public async Task Replay_counts_a_malformed_message_inside_a_capture_and_goes_on()
    {
        var path = Path.Combine(Path.GetTempPath(), $"replay-malformed-{Guid.NewGuid():N}.txt");
        var lines = new List<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz")), CompressionMode.Decompress)))
        {
            for (var i = 0; i < 2000 && reader.ReadLine() is { } line; i++)
                lines.Add(line);
        }
        lines.Insert(1500, "1723161300000000000 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"");
        await File.WriteAllLinesAsync(path, lines);
        try
        {
            var (code, output, error) = await Run("--file", path, "--exchange", "binance-spot");
            Assert.Equal(0, code);
            Assert.Empty(error);
            using var report = JsonDocument.Parse(output);
            Assert.Equal(1, report.RootElement.GetProperty("parse_errors").GetInt64());
            Assert.Equal(2001, report.RootElement.GetProperty("messages").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Replay_fails_with_one_line_for_an_unreadable_capture_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"replay-bad-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "1723161300000000000 {}\nthis line has no timestamp\n");
        try
        {
            var (code, output, error) = await Run("--file", path, "--format", "hbt", "--exchange", "binance-spot");
            Assert.NotEqual(0, code);
            Assert.Empty(output);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains(":2:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Replay_fails_with_one_line_for_a_missing_file()
    {
        var (code, _, error) = await Run("--file", "/no/such/capture.gz", "--exchange", "binance-spot");
        Assert.NotEqual(0, code);
        Assert.Equal("replay: file not found: /no/such/capture.gz", error.TrimEnd());
    }

    [Fact]
    public async Task Replay_fails_with_one_line_listing_the_exchanges_for_an_unknown_exchange()
    {
        var (code, _, error) = await Run("--file", Fixture("binance/cryptofeed/BINANCE.ws.1.0"), "--exchange", "mtgox");
        Assert.NotEqual(0, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("unknown exchange 'mtgox'", error, StringComparison.Ordinal);
        Assert.Contains("binance-spot", error, StringComparison.Ordinal);
        Assert.Contains("kraken", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--exchange", "binance-spot")]
    [InlineData("--file", "x", "--exchange", "binance-spot", "--format", "pcap")]
    [InlineData("--file", "x", "--exchange", "binance-spot", "--report", "xml")]
    [InlineData("--file", "x", "--exchange", "binance-spot", "--bogus")]
    public async Task Replay_rejects_bad_arguments_with_one_line(params string[] args)
    {
        var (code, output, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("replay: ", error, StringComparison.Ordinal);
    }
}
