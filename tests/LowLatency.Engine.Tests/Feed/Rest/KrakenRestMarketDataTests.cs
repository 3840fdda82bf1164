using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Tests.Support;

namespace LowLatency.Engine.Tests.Feed.Rest;

/// <summary>Answers shaped as the examples of Kraken's REST reference (docs.kraken.com, Market Data: Ticker, Depth, OHLC).</summary>
public sealed class KrakenRestMarketDataTests
{
    private const string Ticker = """
        {"error":[],"result":{"XXBTZUSD":{"a":["30300.10000","1","1.000"],"b":["30300.00000","1","1.000"],"c":["30303.20000","0.00067643"],
        "v":["4083.67001100","4412.73601799"],"p":["30706.77771","30689.13205"],"t":[34619,38907],"l":["29868.30000","29868.30000"],
        "h":["31631.00000","31631.00000"],"o":"30502.80000"}}}
        """;

    private const string Depth = """
        {"error":[],"result":{"XXBTZUSD":{"asks":[["30384.10000","2.059",1688671659],["30387.90000","1.500",1688671380],["30393.70000","9.871",1688671261]],
        "bids":[["30297.00000","1.115",1688671636],["30296.70000","2.002",1688671674],["30289.80000","5.001",1688671673]]}}}
        """;

    private const string Ohlc = """
        {"error":[],"result":{"XXBTZUSD":[[1688671200,"30306.1","30306.2","30305.7","30305.7","30306.1","3.39243896",23],
        [1688671260,"30304.5","30304.5","30300.0","30300.0","30300.0","4.42996871",18],
        [1688671320,"30300.3","30300.4","30291.4","30291.4","30294.7","2.13024789",25]],"last":1688671260}}
        """;

    private static readonly KrakenRestMarketData Rest = new();
    private static readonly LowLatency.Core.Instruments.Instrument BtcUsd = RestInstruments.Of("kraken", "BTC/USD", 1, 8);

    [Theory]
    [InlineData("BTC/USD", "XBTUSD")]
    [InlineData("DOGE/USD", "XDGUSD")]
    [InlineData("ETH/BTC", "ETHXBT")]
    [InlineData("ETH/USDT", "ETHUSDT")]
    public void Rest_pair_is_the_v2_symbol_in_krakens_rest_spelling(string symbol, string pair)
    {
        Assert.Equal(pair, KrakenRestMarketData.RestPair(symbol));
    }

    [Fact]
    public void Paths_ask_by_the_rest_pair()
    {
        Assert.Equal("/0/public/Ticker?pair=XBTUSD", Rest.TickerPath(BtcUsd));
        Assert.Equal("/0/public/Depth?pair=XBTUSD&count=5", Rest.BookPath(BtcUsd, 5));
        Assert.Equal("/0/public/OHLC?pair=XBTUSD&interval=240", Rest.CandlesPath(BtcUsd, CandleInterval.FourHours, 10));
    }

    [Fact]
    public void Candle_interval_kraken_lacks_is_not_supported()
    {
        Assert.Throws<NotSupportedException>(() => Rest.CandlesPath(BtcUsd, CandleInterval.ThreeMinutes, 10));
    }

    [Fact]
    public void Ticker_takes_best_prices_lot_volumes_last_trade_and_24h_volume_of_the_one_pair_whatever_its_key()
    {
        var ticker = Rest.ParseTicker(RestInstruments.Utf8(Ticker), BtcUsd, receiveTimestamp: 42);

        Assert.Equal((303_000L, 100_000_000L), (ticker.BidPriceTicks, ticker.BidQuantity));
        Assert.Equal((303_001L, 100_000_000L), (ticker.AskPriceTicks, ticker.AskQuantity));
        Assert.Equal((303_032L, 67_643L), (ticker.LastPriceTicks, ticker.LastQuantity));
        Assert.Equal(441_273_601_799L, ticker.Volume24h);
        Assert.Equal(42, ticker.ReceiveTimestamp);
    }

    [Fact]
    public void Book_keeps_the_asked_depth_best_first()
    {
        var book = Rest.ParseBook(RestInstruments.Utf8(Depth), BtcUsd, depth: 2, receiveTimestamp: 7);

        Assert.Equal(BookDataState.Live, book.State);
        Assert.Equal([new BookLevel(302_970, 111_500_000), new BookLevel(302_967, 200_200_000)], book.BidLevels.ToArray());
        Assert.Equal([new BookLevel(303_841, 205_900_000), new BookLevel(303_879, 150_000_000)], book.AskLevels.ToArray());
    }

    [Fact]
    public void Ohlc_keeps_the_newest_rows_oldest_first_with_volume_not_vwap_and_the_newest_open()
    {
        var candles = Rest.ParseCandles(RestInstruments.Utf8(Ohlc), BtcUsd, limit: 2);

        Assert.Equal(
        [
            new Candle(1_688_671_260_000_000_000, 303_045, 303_045, 303_000, 303_000, 442_996_871, IsClosed: true),
            new Candle(1_688_671_320_000_000_000, 303_003, 303_004, 302_914, 302_914, 213_024_789, IsClosed: false),
        ], candles);
    }
}
