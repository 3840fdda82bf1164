using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Tests.Support;

namespace LowLatency.Engine.Tests.Feed.Rest;

/// <summary>Answers shaped as the examples of Bybit's v5 reference (bybit-exchange.github.io/docs/v5/market: tickers, orderbook, kline).</summary>
public sealed class BybitRestMarketDataTests
{
    private const string Tickers = """
        {"retCode":0,"retMsg":"OK","result":{"category":"spot","list":[{"symbol":"BTCUSDT","bid1Price":"20517.96","bid1Size":"2",
        "ask1Price":"20527.77","ask1Size":"1.862172","lastPrice":"20533.13","prevPrice24h":"20393.48","price24hPcnt":"0.0068",
        "highPrice24h":"21128.12","lowPrice24h":"20318.89","turnover24h":"243765620.65899866","volume24h":"11801.27771",
        "usdIndexPrice":"20784.12009279"}]},"retExtInfo":{},"time":1673859087947}
        """;

    private const string Orderbook = """
        {"retCode":0,"retMsg":"OK","result":{"s":"BTCUSDT","b":[["62710.2","5.52"],["62710.1","0.3"]],"a":[["62710.3","0.01"],["62710.5","1.2"]],
        "ts":1709199771584,"u":243781,"seq":3887177875},"retExtInfo":{},"time":1709199771643}
        """;

    private const string Kline = """
        {"retCode":0,"retMsg":"OK","result":{"symbol":"BTCUSDT","category":"linear","list":[
        ["1670608800000","17071","17073","17027","17055.5","268611","15.74462667"],
        ["1670605200000","17071.5","17071.5","17061","17071","4177","0.24469757"],
        ["1670601600000","17086.5","17088","16978","17071.5","6356","0.37288112"]]},"retExtInfo":{},"time":1672025956592}
        """;

    private static readonly BybitRestMarketData Spot = new("spot");
    private static readonly LowLatency.Core.Instruments.Instrument BtcUsdt = RestInstruments.Of("bybit-spot", "BTCUSDT", 2, 6);

    [Fact]
    public void Paths_name_the_venues_category()
    {
        var linear = new BybitRestMarketData("linear");

        Assert.Equal("/v5/market/tickers?category=spot&symbol=BTCUSDT", Spot.TickerPath(BtcUsdt));
        Assert.Equal("/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=5", linear.BookPath(BtcUsdt, 5));
        Assert.Equal("/v5/market/kline?category=spot&symbol=BTCUSDT&interval=60&limit=200", Spot.CandlesPath(BtcUsdt, CandleInterval.OneHour, 200));
        Assert.Equal("/v5/market/kline?category=spot&symbol=BTCUSDT&interval=D&limit=3", Spot.CandlesPath(BtcUsdt, CandleInterval.OneDay, 3));
    }

    [Fact]
    public void Ticker_is_the_first_of_the_list_stamped_with_the_answers_time()
    {
        var ticker = Spot.ParseTicker(RestInstruments.Utf8(Tickers), BtcUsdt, receiveTimestamp: 1);

        Assert.Equal((2_051_796L, 2_000_000L), (ticker.BidPriceTicks, ticker.BidQuantity));
        Assert.Equal((2_052_777L, 1_862_172L), (ticker.AskPriceTicks, ticker.AskQuantity));
        Assert.Equal(2_053_313L, ticker.LastPriceTicks);
        Assert.Equal(11_801_277_710L, ticker.Volume24h);
        Assert.Equal(1_673_859_087_947_000_000L, ticker.ExchangeTimeNs);
    }

    [Fact]
    public void Book_carries_the_update_id_and_matching_engine_time()
    {
        var book = Spot.ParseBook(RestInstruments.Utf8(Orderbook), BtcUsdt, depth: 1, receiveTimestamp: 1);

        Assert.Equal(243_781, book.UpdateId);
        Assert.Equal(1_709_199_771_584_000_000L, book.ExchangeTimeNs);
        Assert.Equal([new BookLevel(6_271_020, 5_520_000)], book.BidLevels.ToArray());
        Assert.Equal([new BookLevel(6_271_030, 10_000)], book.AskLevels.ToArray());
    }

    [Fact]
    public void Kline_list_newest_first_becomes_candles_oldest_first_with_the_newest_open()
    {
        var candles = Spot.ParseCandles(RestInstruments.Utf8(Kline), BtcUsdt, limit: 500);

        Assert.Equal([1_670_601_600_000_000_000L, 1_670_605_200_000_000_000L, 1_670_608_800_000_000_000L], candles.Select(c => c.OpenTimeNs));
        Assert.Equal(new Candle(1_670_608_800_000_000_000L, 1_707_100, 1_707_300, 1_702_700, 1_705_550, 268_611_000_000, IsClosed: false), candles[^1]);
        Assert.True(candles[0].IsClosed && candles[1].IsClosed);
    }
}
