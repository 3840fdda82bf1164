using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Bybit;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Bybit;

/// <summary>Bybit v5 message shapes as the v5 documentation shows them (ticker, trade, kline, acks, pongs).</summary>
public sealed class BybitParserTests
{
    private const string TickerSnapshot =
        """{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","tickDirection":"PlusTick","price24hPcnt":"0.017103","lastPrice":"17216.00","prevPrice24h":"16926.50","highPrice24h":"17281.50","lowPrice24h":"16915.00","prevPrice1h":"17238.00","markPrice":"17217.33","indexPrice":"17227.36","openInterest":"68744.761","openInterestValue":"1183601235.91","turnover24h":"1570383121.943499","volume24h":"91705.276","nextFundingTime":"1673280000000","fundingRate":"-0.000212","bid1Price":"17215.50","bid1Size":"84.489","ask1Price":"17216.00","ask1Size":"83.020"},"cs":24987956059,"ts":1673272861686}""";

    private const string TickerDelta =
        """{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","bid1Price":"17215.00","bid1Size":"80.100","ask1Size":"90.000"},"cs":24987956060,"ts":1673272861700}""";

    private readonly InstrumentRegistry _registry = new();
    private readonly Instrument _btc;
    private readonly BybitParser _parser;

    public BybitParserTests()
    {
        _btc = _registry.Register(new InstrumentSpec("bybit", "linear", "BTCUSDT", 2, 3));
        _parser = (BybitParser)new BybitLinearDefinition().CreateParser(_registry, ParserOptions.Default);
    }

    [Fact]
    public void Ticker_snapshot_carries_best_bid_and_ask_last_price_and_24h_volume()
    {
        var ticker = ParseSingle(TickerSnapshot);

        Assert.Equal(MarketEventKind.Ticker, ticker.Kind);
        Assert.Equal(_btc.Id, ticker.InstrumentId);
        Assert.Equal(1721550, ticker.BidPrice);
        Assert.Equal(84489, ticker.BidQuantity);
        Assert.Equal(1721600, ticker.AskPrice);
        Assert.Equal(83020, ticker.AskQuantity);
        Assert.Equal(1721600, ticker.LastPrice);
        Assert.Equal(91705276, ticker.Volume);
        Assert.Equal(24987956059, ticker.Sequence);
        Assert.Equal(1673272861686_000000, ticker.ExchangeTimeNs);
        Assert.True(ticker.Has(MarketEventFlags.Snapshot));
    }

    [Fact]
    public void Ticker_delta_changes_only_the_fields_it_carries()
    {
        ParseSingle(TickerSnapshot);
        var ticker = ParseSingle(TickerDelta);

        Assert.Equal(1721500, ticker.BidPrice);
        Assert.Equal(80100, ticker.BidQuantity);
        Assert.Equal(1721600, ticker.AskPrice);
        Assert.Equal(90000, ticker.AskQuantity);
        Assert.Equal(1721600, ticker.LastPrice);
        Assert.Equal(91705276, ticker.Volume);
        Assert.Equal(24987956060, ticker.Sequence);
        Assert.False(ticker.Has(MarketEventFlags.Snapshot));
    }

    [Fact]
    public void Ticker_delta_before_any_snapshot_is_ignored()
    {
        var (result, events) = Parse(TickerDelta);

        Assert.Equal(ParseStatus.Ignored, result.Status);
        Assert.Empty(events);
    }

    [Fact]
    public void Rejected_ticker_delta_leaves_the_merged_state_unchanged()
    {
        ParseSingle(TickerSnapshot);
        var (rejected, _) = Parse("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"bid1Price":"17215.001"},"cs":1,"ts":1}""");
        var ticker = ParseSingle("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"ask1Size":"1.000"},"cs":2,"ts":2}""");

        Assert.Equal(ParseError.NumberTooPrecise, rejected.Error);
        Assert.Equal(1721550, ticker.BidPrice);
    }

    [Fact]
    public void Public_trade_carries_the_taker_side_and_an_id_folded_from_its_uuid()
    {
        const string Trade = """{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1672304486868,"data":[{"T":1672304486865,"s":"BTCUSDT","S":"Buy","v":"0.001","p":"16578.50","L":"PlusTick","i":"20f43950-d8dd-5b31-9112-a178eb6023af","BT":false},{"T":1672304486866,"s":"BTCUSDT","S":"Sell","v":"0.010","p":"16578.00","L":"MinusTick","i":"2290000000061666327","BT":false}]}""";
        var (result, events) = Parse(Trade);

        Assert.Equal(2, result.EventCount);
        Assert.Equal(MarketEventKind.Trade, events[0].Kind);
        Assert.Equal(Side.Buy, events[0].Side);
        Assert.Equal(1657850, events[0].Price);
        Assert.Equal(1, events[0].Quantity);
        Assert.Equal(TradeIdText.ToInt64("20f43950-d8dd-5b31-9112-a178eb6023af"u8), events[0].TradeId);
        Assert.Equal(1672304486865_000000, events[0].ExchangeTimeNs);
        Assert.Equal(Side.Sell, events[1].Side);
        Assert.True(events[1].Has(MarketEventFlags.BuyerIsMaker));
        Assert.Equal(2290000000061666327, events[1].TradeId);
    }

    [Fact]
    public void Kline_takes_its_symbol_from_the_topic_and_its_interval_in_minutes()
    {
        const string Kline = """{"topic":"kline.5.BTCUSDT","data":[{"start":1672324800000,"end":1672325099999,"interval":"5","open":"16649.5","close":"16677","high":"16677","low":"16608","volume":"2.081","turnover":"34666.4005","confirm":false,"timestamp":1672324988882}],"ts":1672324988882,"type":"snapshot"}""";
        var candle = ParseSingle(Kline);

        Assert.Equal(MarketEventKind.Candle, candle.Kind);
        Assert.Equal(_btc.Id, candle.InstrumentId);
        Assert.Equal(300, candle.IntervalSeconds);
        Assert.Equal(1664950, candle.Open);
        Assert.Equal(1667700, candle.High);
        Assert.Equal(1660800, candle.Low);
        Assert.Equal(1667700, candle.Close);
        Assert.Equal(2081, candle.Volume);
        Assert.Equal(1672324800000_000000, candle.ExchangeTimeNs);
        Assert.False(candle.Has(MarketEventFlags.CandleClosed));
    }

    [Theory]
    [InlineData("""{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}""")]
    [InlineData("""{"op":"pong","args":["1675418560633"],"conn_id":"cfcb4ocsvfriu23r3er0-1b"}""")]
    [InlineData("""{"success":true,"ret_msg":"","conn_id":"a38867ec-70b5-4044-a765-54b36bdd6fd9","req_id":"","op":"subscribe"}""")]
    [InlineData("""{"success":false,"ret_msg":"error:handler not found","conn_id":"c1","op":"subscribe"}""")]
    public void Pongs_and_subscription_answers_are_ignored(string message)
    {
        Assert.Equal(ParseStatus.Ignored, Parse(message).Result.Status);
    }

    [Theory]
    [InlineData("""{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1,"data":{}}""")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("[1,2,3]")]
    public void Messages_of_other_topics_are_unknown(string message)
    {
        Assert.Equal(ParseStatus.Unknown, Parse(message).Result.Status);
    }

    [Fact]
    public void Book_message_reads_the_same_whatever_the_field_order()
    {
        var ordered = Parse("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":5,"data":{"s":"BTCUSDT","b":[["100.50","1.000"]],"a":[],"u":7,"seq":9},"cts":4}""").Events;
        var shuffled = Parse("""{"data":{"u":7,"a":[],"seq":9,"b":[["100.50","1.000"]],"s":"BTCUSDT"},"cts":4,"ts":5,"type":"delta","topic":"orderbook.50.BTCUSDT"}""").Events;

        Assert.Equal(ordered, shuffled);
        Assert.Equal(MarketEventKind.BookDeltaLevel, ordered[0].Kind);
        Assert.Equal(7, ordered[0].Sequence);
        Assert.Equal(7, ordered[1].FirstSequence);
        Assert.Equal(MarketEventKind.BookEnd, ordered[1].Kind);
    }

    [Fact]
    public void Delta_with_u_1_replaces_the_book_because_bybit_restarted_the_topic()
    {
        var book = new OrderBook(_btc.Id, 2, 3, new BybitLinearDefinition().CreateBookRules(50));
        var sink = new BookSink(book);
        Apply("""{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[["100.00","1.000"],["99.00","2.000"]],"a":[["101.00","1.000"]],"u":500,"seq":1}}""", ref sink);
        Apply("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":2,"data":{"s":"BTCUSDT","b":[["98.00","3.000"]],"a":[["102.00","4.000"]],"u":1,"seq":2}}""", ref sink);

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(1, book.LastSequence);
        Assert.Equal(2, book.Counters.Snapshots);
        Assert.Equal(0, book.Counters.Gaps);
        Assert.Equal(1, book.Bids.Count);
        Assert.Equal(9800, book.Bids.BestPrice);
        Assert.Equal(10200, book.Asks.BestPrice);
    }

    [Fact]
    public void Unknown_symbol_is_rejected_when_the_parser_does_not_register_symbols()
    {
        var (result, events) = Parse("""{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1,"data":{"s":"ETHUSDT","b":[],"a":[],"u":1,"seq":1}}""");

        Assert.Equal(ParseError.UnknownSymbol, result.Error);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("1", 60)]
    [InlineData("720", 43_200)]
    [InlineData("D", 86_400)]
    [InlineData("W", 604_800)]
    [InlineData("M", 2_592_000)]
    public void Kline_intervals_convert_to_seconds(string interval, long seconds)
    {
        Assert.True(BybitParser.TryIntervalSeconds(Encoding.ASCII.GetBytes(interval), out var actual));
        Assert.Equal(seconds, actual);
    }

    private MarketEvent ParseSingle(string message)
    {
        var (result, events) = Parse(message);
        Assert.Equal(ParseStatus.Ok, result.Status);
        return Assert.Single(events);
    }

    private (ParseResult Result, List<MarketEvent> Events) Parse(string message)
    {
        var sink = new CollectingSink();
        var result = _parser.Parse(Encoding.UTF8.GetBytes(message), new MessageContext(0), ref sink);
        return (result, sink.Events);
    }

    private void Apply(string message, ref BookSink sink) =>
        Assert.Equal(ParseStatus.Ok, _parser.Parse(Encoding.UTF8.GetBytes(message), new MessageContext(0), ref sink).Status);

    private readonly struct BookSink(OrderBook book) : IMarketEventSink
    {
        public void OnEvent(in MarketEvent marketEvent) => book.Apply(in marketEvent);
    }
}
