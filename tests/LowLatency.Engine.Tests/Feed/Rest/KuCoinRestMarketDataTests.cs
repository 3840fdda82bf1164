using System.Text.Json;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Tests.Support;

namespace LowLatency.Engine.Tests.Feed.Rest;

/// <summary>
/// Spot answers shaped as the examples of KuCoin's spot reference (Get Ticker, Get Part OrderBook,
/// Get Klines); futures answers are the <c>x-response-example</c>s of KuCoin's own futures market
/// specification (tests/fixtures/kucoin/kucoin-universal-sdk/openapi-futures-market.json).
/// </summary>
public sealed class KuCoinRestMarketDataTests
{
    private const string Level1 = """
        {"code":"200000","data":{"time":1729172965609,"sequence":"14609309753","price":"67269","size":"0.000025","bestBid":"67267.5",
        "bestBidSize":"0.000025","bestAsk":"67267.6","bestAskSize":"1.24808993"}}
        """;

    private const string Level2Part = """
        {"code":"200000","data":{"time":1729176273859,"sequence":"14610502970","bids":[["66976.4","0.69109872"],["66976.3","0.14377"]],
        "asks":[["66976.5","0.05408199"],["66976.8","0.0005"]]}}
        """;

    private const string SpotCandles = """
        {"code":"200000","data":[["1566789720","10411.5","10401.9","10411.5","10396.3","29.11357276","302889.301529914"],
        ["1566789660","10416","10411.5","10422.3","10411.5","15.61781842","162703.708997029"],
        ["1566789600","10408.6","10416","10416","10405.4","12.45584973","129666.51508559"]]}
        """;

    private static readonly KuCoinRestMarketData Spot = new(futures: false);
    private static readonly KuCoinRestMarketData Futures = new(futures: true);
    private static readonly LowLatency.Core.Instruments.Instrument BtcUsdt = RestInstruments.Of("kucoin-spot", "BTC-USDT", 1, 8);
    private static readonly LowLatency.Core.Instruments.Instrument XbtUsdm = RestInstruments.Of("kucoin-futures", "XBTUSDM", 1, 0);

    [Fact]
    public void Spot_and_futures_paths_differ()
    {
        Assert.Equal("/api/v1/market/orderbook/level1?symbol=BTC-USDT", Spot.TickerPath(BtcUsdt));
        Assert.Equal("/api/v1/market/orderbook/level2_20?symbol=BTC-USDT", Spot.BookPath(BtcUsdt, 5));
        Assert.Equal("/api/v1/market/candles?symbol=BTC-USDT&type=4hour", Spot.CandlesPath(BtcUsdt, CandleInterval.FourHours, 10));
        Assert.Equal("/api/v1/ticker?symbol=XBTUSDM", Futures.TickerPath(XbtUsdm));
        Assert.Equal("/api/v1/level2/depth20?symbol=XBTUSDM", Futures.BookPath(XbtUsdm, 5));
        Assert.Equal("/api/v1/kline/query?symbol=XBTUSDM&granularity=480", Futures.CandlesPath(XbtUsdm, CandleInterval.EightHours, 10));
    }

    [Fact]
    public void Spot_ticker_is_level1_with_its_sequence_and_millisecond_time()
    {
        var ticker = Spot.ParseTicker(RestInstruments.Utf8(Level1), BtcUsdt, receiveTimestamp: 1);

        Assert.Equal((672_675L, 2_500L, 672_676L, 124_808_993L), (ticker.BidPriceTicks, ticker.BidQuantity, ticker.AskPriceTicks, ticker.AskQuantity));
        Assert.Equal((672_690L, 2_500L), (ticker.LastPriceTicks, ticker.LastQuantity));
        Assert.Equal(14_609_309_753L, ticker.Sequence);
        Assert.Equal(1_729_172_965_609_000_000L, ticker.ExchangeTimeNs);
    }

    [Fact]
    public void Spot_book_is_the_part_order_book_cut_to_the_depth()
    {
        var book = Spot.ParseBook(RestInstruments.Utf8(Level2Part), BtcUsdt, depth: 1, receiveTimestamp: 1);

        Assert.Equal(14_610_502_970L, book.UpdateId);
        Assert.Equal([new BookLevel(669_764, 69_109_872)], book.BidLevels.ToArray());
        Assert.Equal([new BookLevel(669_765, 5_408_199)], book.AskLevels.ToArray());
    }

    [Fact]
    public void Spot_candles_read_open_close_high_low_in_second_time_newest_first()
    {
        var candles = Spot.ParseCandles(RestInstruments.Utf8(SpotCandles), BtcUsdt, limit: 2);

        Assert.Equal(
        [
            new Candle(1_566_789_660_000_000_000L, 104_160, 104_223, 104_115, 104_115, 1_561_781_842, IsClosed: true),
            new Candle(1_566_789_720_000_000_000L, 104_115, 104_115, 103_963, 104_019, 2_911_357_276, IsClosed: false),
        ], candles);
    }

    [Fact]
    public void Futures_ticker_reads_numeric_lot_sizes_and_nanosecond_time()
    {
        var ticker = Futures.ParseTicker(FuturesExample("/api/v1/ticker"), XbtUsdm, receiveTimestamp: 1);

        Assert.Equal((671_696L, 32_345L, 671_697L, 7_251L), (ticker.BidPriceTicks, ticker.BidQuantity, ticker.AskPriceTicks, ticker.AskQuantity));
        Assert.Equal((671_584L, 2_936L), (ticker.LastPriceTicks, ticker.LastQuantity));
        Assert.Equal(1_729_163_001_780_000_000L, ticker.ExchangeTimeNs);
        Assert.Equal(1_697_895_100_310L, ticker.Sequence);
    }

    [Fact]
    public void Futures_book_reads_numeric_levels()
    {
        var book = Futures.ParseBook(FuturesExample("/api/v1/level2/depth{size}"), XbtUsdm, depth: 10, receiveTimestamp: 1);

        Assert.Equal(1_697_895_963_339L, book.UpdateId);
        Assert.Equal([new BookLevel(669_680, 2), new BookLevel(669_648, 25_596)], book.BidLevels.ToArray());
        Assert.Equal([new BookLevel(669_681, 13_501), new BookLevel(669_687, 2_032)], book.AskLevels.ToArray());
        Assert.Equal(1_729_168_101_216_000_000L, book.ExchangeTimeNs);
    }

    [Fact]
    public void Futures_klines_are_numeric_rows_in_milliseconds_oldest_first()
    {
        var candles = Futures.ParseCandles(FuturesExample("/api/v1/kline/query"), XbtUsdm, limit: 500);

        Assert.Equal([1_728_576_000_000_000_000L, 1_728_604_800_000_000_000L, 1_728_633_600_000_000_000L], candles.Select(c => c.OpenTimeNs));
        Assert.Equal(new Candle(1_728_576_000_000_000_000L, 607_911, 610_350, 589_400, 603_000, 5_501_167, IsClosed: true), candles[0]);
        Assert.False(candles[^1].IsClosed);
    }

    private static byte[] FuturesExample(string path)
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("kucoin/kucoin-universal-sdk/openapi-futures-market.json")));
        var example = spec.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("x-response-example").GetString()!;
        // The specification keeps each example as escaped JSON text.
        return RestInstruments.Utf8(example.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal));
    }
}
