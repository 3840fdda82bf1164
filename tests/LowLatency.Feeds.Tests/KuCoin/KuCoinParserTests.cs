using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.KuCoin;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

/// <summary>KuCoin spot and futures message shapes, from KuCoin's own specification examples and recorded frames.</summary>
public sealed class KuCoinParserTests
{
    private readonly InstrumentRegistry _registry = new();
    private readonly Instrument _btcUsdt;
    private readonly Instrument _xbtUsdtm;
    private readonly Instrument _xbtUsdm;
    private readonly IExchangeParser _spot;
    private readonly IExchangeParser _futures;

    public KuCoinParserTests()
    {
        _btcUsdt = _registry.Register(new InstrumentSpec("kucoin", "spot", "BTC-USDT", 3, 8));
        _xbtUsdtm = _registry.Register(new InstrumentSpec("kucoin", "futures", "XBTUSDTM", 1, 0));
        _xbtUsdm = _registry.Register(new InstrumentSpec("kucoin", "futures", "XBTUSDM", 1, 0));
        _spot = new KuCoinSpotDefinition().CreateParser(_registry, ParserOptions.Default);
        _futures = new KuCoinFuturesDefinition().CreateParser(_registry, ParserOptions.Default);
    }

    [Fact]
    public void Spot_level2_update_carries_its_sequence_range_and_levels()
    {
        var (result, events) = Parse(_spot, KuCoinExamples.Push("/market/level2:{symbol},{symbol}"));

        Assert.Equal(2, result.EventCount);
        Assert.Equal(MarketEventKind.BookDeltaLevel, events[0].Kind);
        Assert.Equal(_btcUsdt.Id, events[0].InstrumentId);
        Assert.Equal(Side.Sell, events[0].Side);
        Assert.Equal(67993300, events[0].Price);
        Assert.Equal(121427407, events[0].Quantity);
        Assert.Equal(MarketEventKind.BookEnd, events[1].Kind);
        Assert.Equal(14701689783, events[1].FirstSequence);
        Assert.Equal(14701689783, events[1].Sequence);
        Assert.Equal(1729816425625_000000, events[1].ExchangeTimeNs);
    }

    [Fact]
    public void Spot_level2_change_at_price_zero_only_advances_the_sequence()
    {
        var (result, events) = Parse(_spot, """{"data":{"sequenceStart":1613277183874,"symbol":"BTC-USDT","changes":{"asks":[["0","0","1613277183874"]],"bids":[]},"sequenceEnd":1613277183874},"subject":"trade.l2update","topic":"/market/level2:BTC-USDT","type":"message"}"""u8.ToArray());

        var end = Assert.Single(events);
        Assert.Equal(1, result.EventCount);
        Assert.Equal(MarketEventKind.BookEnd, end.Kind);
        Assert.Equal(1613277183874, end.Sequence);
    }

    [Fact]
    public void Spot_ticker_gives_a_ticker_and_a_best_bid_offer_carrying_the_book_sequence()
    {
        var (result, events) = Parse(_spot, KuCoinExamples.Push("/market/ticker:{symbol},{symbol}"));

        Assert.Equal(2, result.EventCount);
        Assert.Equal(MarketEventKind.Ticker, events[0].Kind);
        Assert.Equal(49, events[0].BidPrice);
        Assert.Equal(3600000, events[0].BidQuantity);
        Assert.Equal(80, events[0].AskPrice);
        Assert.Equal(18000000, events[0].AskQuantity);
        Assert.Equal(80, events[0].LastPrice);
        Assert.Equal(1704873323416_000000, events[0].ExchangeTimeNs);
        Assert.Equal(MarketEventKind.BestBidOffer, events[1].Kind);
        Assert.True(events[1].Has(MarketEventFlags.HasBookSequence));
        Assert.Equal(1545896668986, events[1].Sequence);
    }

    [Fact]
    public void Spot_ticker_of_all_symbols_names_the_symbol_in_its_subject()
    {
        var (_, events) = Parse(_spot, KuCoinExamples.Push("/market/ticker:all"));

        Assert.Equal(_btcUsdt.Id, events[0].InstrumentId);
        Assert.Equal(67218600, events[0].BidPrice);
    }

    [Fact]
    public void Spot_match_is_a_trade_with_the_taker_side_and_nanosecond_time()
    {
        var trade = ParseSingle(_spot, KuCoinExamples.Push("/market/match:{symbol},{symbol}"));

        Assert.Equal(MarketEventKind.Trade, trade.Kind);
        Assert.Equal(Side.Buy, trade.Side);
        Assert.Equal(67523000, trade.Price);
        Assert.Equal(300000, trade.Quantity);
        Assert.Equal(11067996711960577, trade.TradeId);
        Assert.Equal(1729843222921000000, trade.ExchangeTimeNs);
    }

    [Fact]
    public void Spot_match_with_an_object_id_trade_id_gets_a_stable_hashed_id()
    {
        var trade = ParseSingle(_spot, """{"data":{"symbol":"BTC-USDT","sequence":"1612701563869","side":"sell","size":"81.8814","price":"0.01","takerOrderId":"6085c097587c2000060cde57","time":"1619378327739050725","type":"match","makerOrderId":"6085c06144b3790006512a4d","tradeId":"6085c09769bc506996295e36"},"subject":"trade.l3match","topic":"/market/match:BTC-USDT","type":"message"}"""u8.ToArray());

        Assert.Equal(TradeIdText.ToInt64("6085c09769bc506996295e36"u8), trade.TradeId);
        Assert.Equal(Side.Sell, trade.Side);
        Assert.True(trade.Has(MarketEventFlags.BuyerIsMaker));
    }

    [Fact]
    public void Spot_candle_takes_its_interval_from_the_topic()
    {
        var candle = ParseSingle(_spot, KuCoinExamples.Push("/market/candles:{symbol}_{type}"));

        Assert.Equal(MarketEventKind.Candle, candle.Kind);
        Assert.Equal(3600, candle.IntervalSeconds);
        Assert.Equal(1729839600_000000000, candle.ExchangeTimeNs);
        Assert.Equal(67644900, candle.Open);
        Assert.Equal(67437600, candle.Close);
        Assert.Equal(67724800, candle.High);
        Assert.Equal(67243800, candle.Low);
        Assert.Equal(4488321441, candle.Volume);
    }

    [Fact]
    public void Spot_rest_snapshot_takes_its_symbol_from_the_request_url()
    {
        var body = """{"code":"200000","data":{"time":1619378326628,"sequence":"1613277183892","bids":[["242.64","5"]],"asks":[["243.10","0.5"],["243.20","1"]]}}"""u8.ToArray();
        var sink = new CollectingSink();
        var result = _spot.ParseRestResponse("https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BTC-USDT"u8, body, new MessageContext(0), ref sink);

        Assert.Equal(4, result.EventCount);
        Assert.All(sink.Events, e => Assert.Equal(_btcUsdt.Id, e.InstrumentId));
        Assert.Equal(MarketEventKind.BookSnapshotLevel, sink.Events[0].Kind);
        var end = sink.Events[3];
        Assert.True(end.Has(MarketEventFlags.Snapshot | MarketEventFlags.FromRest));
        Assert.Equal(1613277183892, end.Sequence);
        Assert.Equal(1619378326628_000000, end.ExchangeTimeNs);
    }

    [Fact]
    public void Futures_rest_snapshot_names_its_symbol_and_writes_numbers_as_json_numbers()
    {
        var sink = new CollectingSink();
        var result = _futures.ParseRestResponse(default, KuCoinExamples.FuturesRest("/api/v1/level2/snapshot"), new MessageContext(0), ref sink);

        Assert.Equal(5, result.EventCount);
        Assert.All(sink.Events, e => Assert.Equal(_xbtUsdm.Id, e.InstrumentId));
        Assert.Equal(669680, sink.Events[0].Price);
        Assert.Equal(2, sink.Events[0].Quantity);
        Assert.Equal(1697895963339, sink.Events[4].Sequence);
        Assert.Equal(1729168101216000000, sink.Events[4].ExchangeTimeNs);
    }

    [Fact]
    public void Futures_level2_splits_its_price_side_size_change()
    {
        var (result, events) = Parse(_futures, KuCoinExamples.Push("/contractMarket/level2:{symbol}"));

        Assert.Equal(2, result.EventCount);
        Assert.Equal(_xbtUsdtm.Id, events[0].InstrumentId);
        Assert.Equal(Side.Sell, events[0].Side);
        Assert.Equal(906312, events[0].Price);
        Assert.Equal(2, events[0].Quantity);
        Assert.Equal(1709400450243, events[1].Sequence);
        Assert.Equal(1731897467182_000000, events[1].ExchangeTimeNs);
    }

    [Fact]
    public void Futures_level2_of_the_kucoin_net_example_reads_the_same_way()
    {
        var (_, events) = Parse(_futures, KuCoinExamples.KucoinNet("Book.txt"));

        Assert.Equal(_xbtUsdm.Id, events[0].InstrumentId);
        Assert.Equal(50000, events[0].Price);
        Assert.Equal(83, events[0].Quantity);
        Assert.Equal(18, events[1].Sequence);
    }

    [Fact]
    public void Futures_ticker_v2_is_a_best_bid_offer()
    {
        var quote = ParseSingle(_futures, KuCoinExamples.Push("/contractMarket/tickerV2:{symbol}"));

        Assert.Equal(MarketEventKind.BestBidOffer, quote.Kind);
        Assert.Equal(889874, quote.BidPrice);
        Assert.Equal(713, quote.BidQuantity);
        Assert.Equal(889875, quote.AskPrice);
        Assert.Equal(1037, quote.AskQuantity);
        Assert.Equal(1709284589209, quote.Sequence);
        Assert.Equal(1731665526461000000, quote.ExchangeTimeNs);
        Assert.False(quote.Has(MarketEventFlags.HasBookSequence));
    }

    [Fact]
    public void Futures_ticker_v2_with_numeric_prices_reads_the_same_way()
    {
        var quote = ParseSingle(_futures, KuCoinExamples.KucoinNet("Tickers.txt"));

        Assert.Equal(_xbtUsdm.Id, quote.InstrumentId);
        Assert.Equal(32000, quote.BidPrice);
        Assert.Equal(36000, quote.AskPrice);
        Assert.Equal(284, quote.AskQuantity);
    }

    [Fact]
    public void Futures_ticker_carries_the_last_trade_price_with_the_quote()
    {
        var ticker = ParseSingle(_futures, KuCoinExamples.Push("/contractMarket/ticker:{symbol}"));

        Assert.Equal(MarketEventKind.Ticker, ticker.Kind);
        Assert.Equal(901477, ticker.LastPrice);
        Assert.Equal(901477, ticker.BidPrice);
        Assert.Equal(2186, ticker.BidQuantity);
        Assert.Equal(901478, ticker.AskPrice);
        Assert.Equal(275, ticker.AskQuantity);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Futures_execution_is_a_trade(bool kucoinNet)
    {
        var trade = ParseSingle(_futures, kucoinNet ? KuCoinExamples.KucoinNet("Trades.txt") : KuCoinExamples.Push("/contractMarket/execution:{symbol}"));

        Assert.Equal(MarketEventKind.Trade, trade.Kind);
        Assert.Equal(_xbtUsdtm.Id, trade.InstrumentId);
        Assert.Equal(Side.Buy, trade.Side);
        Assert.Equal(kucoinNet ? 721373 : 905039, trade.Price);
        Assert.Equal(kucoinNet ? 5 : 2, trade.Quantity);
        Assert.Equal(kucoinNet ? 1743169228057 : 1794100537695, trade.TradeId);
        Assert.Equal(kucoinNet ? 1712570590399000000 : 1731898619520000000, trade.ExchangeTimeNs);
    }

    [Fact]
    public void Futures_limit_candle_takes_its_interval_from_the_topic()
    {
        var candle = ParseSingle(_futures, KuCoinExamples.Push("/contractMarket/limitCandle:{symbol}_{type}"));

        Assert.Equal(60, candle.IntervalSeconds);
        Assert.Equal(1731898200_000000000, candle.ExchangeTimeNs);
        Assert.Equal(906386, candle.Open);
        Assert.Equal(21, candle.Volume);
    }

    [Theory]
    [InlineData("""{"id":"NSkIrWGB1s","type":"welcome"}""")]
    [InlineData("""{"id":"1","type":"ack"}""")]
    [InlineData("""{"id":"1545910590801","type":"pong"}""")]
    [InlineData("""{"id":"1","type":"error","code":404,"data":"topic /market/foo is not found"}""")]
    public void Welcome_ack_pong_and_error_frames_are_ignored(string message)
    {
        Assert.Equal(ParseStatus.Ignored, Parse(_spot, Encoding.UTF8.GetBytes(message)).Result.Status);
    }

    [Theory]
    [InlineData("/contract/instrument:{symbol}")]
    [InlineData("/contractMarket/snapshot:{symbol}")]
    [InlineData("/contractMarket/level2Depth5:{symbol}")]
    public void Futures_topics_not_served_here_are_unknown(string topic)
    {
        Assert.Equal(ParseStatus.Unknown, Parse(_futures, KuCoinExamples.Push(topic)).Result.Status);
    }

    [Fact]
    public void Futures_book_bridges_its_rest_snapshot_and_then_needs_each_next_sequence()
    {
        var resync = new RecordingResyncHandler();
        var book = new OrderBook(_xbtUsdtm.Id, 1, 0, new KuCoinFuturesDefinition().CreateBookRules(0), resync);
        var sink = new BookSink(book);
        Apply(_futures, """{"topic":"/contractMarket/level2:XBTUSDTM","type":"message","subject":"level2","sn":100,"data":{"sequence":100,"change":"90631.2,sell,2","timestamp":1731897467182}}""", ref sink);
        Apply(_futures, """{"topic":"/contractMarket/level2:XBTUSDTM","type":"message","subject":"level2","sn":101,"data":{"sequence":101,"change":"90630.0,buy,7","timestamp":1731897467183}}""", ref sink);
        var snapshot = """{"code":"200000","data":{"sequence":100,"symbol":"XBTUSDTM","bids":[[90629.5,3]],"asks":[[90631.2,2]],"ts":1731897467100000000}}"""u8.ToArray();
        _futures.ParseRestResponse(default, snapshot, new MessageContext(0), ref sink);
        Apply(_futures, """{"topic":"/contractMarket/level2:XBTUSDTM","type":"message","subject":"level2","sn":103,"data":{"sequence":103,"change":"90631.2,sell,0","timestamp":1731897467185}}""", ref sink);

        Assert.Equal([(_xbtUsdtm.Id, ResyncReason.InitialSnapshot), (_xbtUsdtm.Id, ResyncReason.SequenceGap)], resync.Requests);
        Assert.Equal(1, book.Counters.UpdatesApplied);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal(906300, book.Bids.BestPrice);
    }

    [Theory]
    [InlineData("1min", 60)]
    [InlineData("15min", 900)]
    [InlineData("12hour", 43_200)]
    [InlineData("1day", 86_400)]
    [InlineData("1week", 604_800)]
    [InlineData("1month", 2_592_000)]
    public void Candle_types_convert_to_seconds(string type, long seconds)
    {
        Assert.True(KuCoinParser.TryIntervalSeconds(Encoding.ASCII.GetBytes(type), out var actual));
        Assert.Equal(seconds, actual);
    }

    private static MarketEvent ParseSingle(IExchangeParser parser, byte[] message)
    {
        var (result, events) = Parse(parser, message);
        Assert.Equal(ParseStatus.Ok, result.Status);
        return Assert.Single(events);
    }

    private static (ParseResult Result, List<MarketEvent> Events) Parse(IExchangeParser parser, byte[] message)
    {
        var sink = new CollectingSink();
        var result = parser.Parse(message, new MessageContext(0), ref sink);
        return (result, sink.Events);
    }

    private static void Apply(IExchangeParser parser, string message, ref BookSink sink) =>
        Assert.Equal(ParseStatus.Ok, parser.Parse(Encoding.UTF8.GetBytes(message), new MessageContext(0), ref sink).Status);

    private readonly struct BookSink(OrderBook book) : IMarketEventSink
    {
        public void OnEvent(in MarketEvent marketEvent) => book.Apply(in marketEvent);
    }
}
