using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;
using LowLatency.Replay.Capture;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>
/// Every recorded Binance message parses to the same result and the same events, byte for
/// byte, with the scanner as with the general reader alone.
/// </summary>
public sealed class BinanceScannerDifferentialTests
{
    [Theory]
    [InlineData("spot", "binance/hftbacktest/spot/btcusdt_20240808.gz")]
    [InlineData("spot", "binance/hftbacktest/spot/btcusdt_20240809.gz")]
    [InlineData("usdm", "binance/hftbacktest/usdm/btcusdt_20240808.gz")]
    [InlineData("coinm", "binance/hftbacktest/cm/btcusd_perp_20240808.gz")]
    [InlineData("spot", "binance/cryptofeed/BINANCE.http.0.0", "binance/cryptofeed/BINANCE.ws.1.0")]
    [InlineData("usdm", "binance/cryptofeed/BINANCE_FUTURES.http.0.0", "binance/cryptofeed/BINANCE_FUTURES.ws.1.0")]
    [InlineData("coinm", "binance/cryptofeed/BINANCE_DELIVERY.http.0.0", "binance/cryptofeed/BINANCE_DELIVERY.ws.1.0")]
    public void Scanner_and_general_reader_agree_on_every_recorded_message(string market, params string[] captures)
    {
        var twins = new BinanceTwinParsers(market, ParserOptions.Discovering);
        var compared = 0;
        using var reader = CaptureFile.Open(captures.Select(Fixtures.Path).ToArray());
        while (reader.TryRead(out var record))
        {
            if (record.Kind is not (CaptureRecordKind.Received or CaptureRecordKind.RestResponse))
                continue;
            var body = record.Body.ToArray();
            var url = record.Kind == CaptureRecordKind.RestResponse ? record.Url.ToArray() : null;
            var disagreement = twins.Disagreement(body, url);
            Assert.True(disagreement is null, $"line {record.LineNumber}: {disagreement}");
            compared++;
        }
        Assert.True(compared > 100, $"only {compared} messages compared");
    }

    [Theory]
    [InlineData("binance/hftbacktest/spot/btcusdt_20240808.gz")]
    [InlineData("binance/hftbacktest/usdm/btcusdt_20240808.gz")]
    [InlineData("binance/hftbacktest/cm/btcusd_perp_20240808.gz")]
    public void Scanner_accepts_every_recorded_depth_update_trade_bookTicker_and_snapshot(string capture)
    {
        var levels = new LevelTextBuffer();
        var scanner = new BinanceScanner(levels);
        var declined = Fixtures.Messages(capture).Select(m => m.Body).Where(body =>
        {
            levels.Clear();
            var fields = default(BinanceMessage);
            var json = BinanceParser.TryUnwrapData(body, out var data) ? data : body;
            return !scanner.TryRead(json, ref fields);
        }).Select(System.Text.Encoding.UTF8.GetString).ToList();
        Assert.Empty(declined);
    }
}
