using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Tests.Support;

namespace LowLatency.Engine.Tests.Feed.Rest;

/// <summary>Answers shaped as the examples of OKX's v5 reference (www.okx.com/docs-v5: Get ticker, Get order book, Get candlesticks).</summary>
public sealed class OkxRestMarketDataTests
{
    private const string Ticker = """
        {"code":"0","msg":"","data":[{"instType":"SWAP","instId":"BTC-USD-SWAP","last":"9999.99","lastSz":"1","askPx":"9999.99","askSz":"11",
        "bidPx":"8888.88","bidSz":"5","open24h":"9000","high24h":"10000","low24h":"8888.88","volCcy24h":"2222","vol24h":"2222",
        "sodUtc0":"0.1","sodUtc8":"0.1","ts":"1597026383085"}]}
        """;

    private const string Books = """
        {"code":"0","msg":"","data":[{"asks":[["41006.8","0.60038921","0","1"]],"bids":[["41006.3","0.30178218","0","2"]],"ts":"1629966436396"}]}
        """;

    private const string Candles = """
        {"code":"0","msg":"","data":[["1597026443085","3.721","3.743","3.677","3.708","8422410","22698348.04828491","12698348.04828491","0"],
        ["1597026383085","3.731","3.799","3.494","3.72","24912403","67632347.24399722","37632347.24399722","1"]]}
        """;

    private static readonly OkxRestMarketData Rest = new();
    private static readonly LowLatency.Core.Instruments.Instrument Swap = RestInstruments.Of("okx", "BTC-USD-SWAP", 2, 0);

    [Fact]
    public void Paths_ask_by_instrument_id_and_utc_bars_at_most_300_candles()
    {
        Assert.Equal("/api/v5/market/ticker?instId=BTC-USD-SWAP", Rest.TickerPath(Swap));
        Assert.Equal("/api/v5/market/books?instId=BTC-USD-SWAP&sz=10", Rest.BookPath(Swap, 10));
        Assert.Equal("/api/v5/market/candles?instId=BTC-USD-SWAP&bar=1Dutc&limit=300", Rest.CandlesPath(Swap, CandleInterval.OneDay, 500));
    }

    [Fact]
    public void Ticker_is_the_first_data_item_with_its_time()
    {
        var ticker = Rest.ParseTicker(RestInstruments.Utf8(Ticker), Swap, receiveTimestamp: 1);

        Assert.Equal((888_888L, 5L, 999_999L, 11L), (ticker.BidPriceTicks, ticker.BidQuantity, ticker.AskPriceTicks, ticker.AskQuantity));
        Assert.Equal((999_999L, 1L, 2_222L), (ticker.LastPriceTicks, ticker.LastQuantity, ticker.Volume24h));
        Assert.Equal(1_597_026_383_085_000_000L, ticker.ExchangeTimeNs);
    }

    [Fact]
    public void Book_reads_price_and_size_of_four_field_levels()
    {
        var btc = RestInstruments.Of("okx", "BTC-USDT", 1, 8);

        var book = Rest.ParseBook(RestInstruments.Utf8(Books), btc, depth: 5, receiveTimestamp: 1);

        Assert.Equal([new BookLevel(410_063, 30_178_218)], book.BidLevels.ToArray());
        Assert.Equal([new BookLevel(410_068, 60_038_921)], book.AskLevels.ToArray());
        Assert.Equal(1_629_966_436_396_000_000L, book.ExchangeTimeNs);
    }

    [Fact]
    public void Candles_take_closed_from_the_confirm_column()
    {
        var uni = RestInstruments.Of("okx", "UNI-USDT", 3, 0);

        var candles = Rest.ParseCandles(RestInstruments.Utf8(Candles), uni, limit: 100);

        Assert.Equal(new Candle(1_597_026_383_085_000_000L, 3_731, 3_799, 3_494, 3_720, 24_912_403, IsClosed: true), candles[0]);
        Assert.Equal(new Candle(1_597_026_443_085_000_000L, 3_721, 3_743, 3_677, 3_708, 8_422_410, IsClosed: false), candles[1]);
    }
}
