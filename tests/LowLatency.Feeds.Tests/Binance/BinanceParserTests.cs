using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>Parser behaviour on single recorded messages (copied from the fixtures named in each test).</summary>
public sealed class BinanceParserTests
{
    // tests/fixtures/binance/hftbacktest/spot/btcusdt_20240808.gz, lines 2, 3, 4 and 8.
    private const string SpotDepth = """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1723161255308,"s":"BTCUSDT","U":50093239203,"u":50093239207,"b":[["55653.87000000","0.00000000"]],"a":[["61838.04000000","0.32332000"],["61844.30000000","0.40163000"],["61862.50000000","0.05019000"],["61862.51000000","0.00000000"]]}}""";
    private const string SpotBookTicker = """{"stream":"btcusdt@bookTicker","data":{"u":50093239212,"s":"BTCUSDT","b":"61837.63000000","B":"3.78826000","a":"61837.64000000","A":"1.54698000"}}""";
    private const string SpotTrade = """{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true,"M":true}}""";
    private const string SpotSnapshotHead = """{"lastUpdateId":50093239218,"bids":[["61837.63000000","3.78826000"],["61837.62000000","0.61700000"]],"asks":[["61837.64000000","1.54698000"]]}""";

    // tests/fixtures/binance/hftbacktest/usdm/btcusdt_20240808.gz, line 2.
    private const string UsdmBookTicker = """{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":5123107839020,"s":"BTCUSDT","b":"61800.20","B":"2.507","a":"61800.30","A":"2.510","T":1723161256313,"E":1723161256313}}""";

    // tests/fixtures/binance/cryptofeed/BINANCE.ws.1.0 (aggTrade and kline_1m of NKNUSDT).
    private const string AggTrade = """{"stream":"nknusdt@aggTrade","data":{"e":"aggTrade","E":1633998523963,"s":"NKNUSDT","a":15683430,"p":"0.35280000","q":"58.00000000","f":19862790,"l":19862790,"T":1633998523963,"m":false,"M":true}}""";
    private const string Kline = """{"stream":"nknusdt@kline_1m","data":{"e":"kline","E":1633998523963,"s":"NKNUSDT","k":{"t":1633998480000,"T":1633998539999,"s":"NKNUSDT","i":"1m","f":19862761,"L":19862790,"o":"0.35270000","c":"0.35280000","h":"0.35280000","l":"0.35220000","v":"25877.00000000","n":30,"x":false,"q":"9116.04600000","V":"58.00000000","Q":"20.46240000","B":"0"}}}""";

    private static (IExchangeParser Parser, InstrumentRegistry Registry) NewParser(string venue = "binance-spot", ParserOptions? options = null)
    {
        var registry = new InstrumentRegistry();
        return (ExchangeCatalog.Get(venue).CreateParser(registry, options ?? ParserOptions.Discovering), registry);
    }

    private static (ParseResult Result, List<MarketEvent> Events) Parse(IExchangeParser parser, string message, int snapshotInstrument = -1)
    {
        var sink = new CollectingSink();
        var result = parser.Parse(Encoding.UTF8.GetBytes(message), new MessageContext(42, snapshotInstrument), ref sink);
        return (result, sink.Events);
    }

    [Fact]
    public void BinanceParser_turns_a_depth_update_into_levels_and_an_end_with_U_and_u()
    {
        var (parser, _) = NewParser();
        var (result, events) = Parse(parser, SpotDepth);

        Assert.Equal(ParseResult.Ok(6), result);
        Assert.Equal(MarketEventKind.BookDeltaLevel, events[0].Kind);
        Assert.Equal(Side.Buy, events[0].Side);
        Assert.Equal(5565387000000, events[0].Price);
        Assert.Equal(0, events[0].Quantity);
        Assert.Equal(Side.Sell, events[1].Side);
        Assert.Equal(32332000, events[1].Quantity);
        Assert.Equal(8, events[1].QuantityFractionDigits);
        Assert.All(events, e => Assert.Equal((50093239203L, 50093239207L), (e.FirstSequence, e.Sequence)));
        Assert.Equal(MarketEventKind.BookEnd, events[^1].Kind);
        Assert.Equal(1723161255308_000_000, events[^1].ExchangeTimeNs);
        Assert.All(events, e => Assert.Equal(42, e.ReceiveTimestamp));
    }

    [Fact]
    public void BinanceParser_reads_the_spot_bookTicker_without_an_event_type()
    {
        var (parser, _) = NewParser();
        var (result, events) = Parse(parser, SpotBookTicker);
        Assert.Equal(ParseResult.Ok(1), result);
        var bbo = events.Single();
        Assert.Equal(MarketEventKind.BestBidOffer, bbo.Kind);
        Assert.Equal(50093239212, bbo.Sequence);
        Assert.True(bbo.Has(MarketEventFlags.HasBookSequence));
        Assert.Equal((6183763000000L, 378826000L, 6183764000000L, 154698000L), (bbo.BidPrice, bbo.BidQuantity, bbo.AskPrice, bbo.AskQuantity));
    }

    [Fact]
    public void BinanceParser_reads_the_futures_bookTicker_with_its_transaction_time()
    {
        var (parser, _) = NewParser("binance-usdm");
        var bbo = Parse(parser, UsdmBookTicker).Events.Single();
        Assert.Equal(5123107839020, bbo.Sequence);
        Assert.Equal(6180020000000, bbo.BidPrice);
        Assert.Equal(1723161256313_000_000, bbo.ExchangeTimeNs);
    }

    [Fact]
    public void BinanceParser_reads_a_trade_with_the_seller_as_aggressor_when_the_buyer_made()
    {
        var (parser, _) = NewParser();
        var trade = Parse(parser, SpotTrade).Events.Single();
        Assert.Equal(MarketEventKind.Trade, trade.Kind);
        Assert.Equal(3735683259, trade.TradeId);
        Assert.Equal(Side.Sell, trade.Side);
        Assert.True(trade.Has(MarketEventFlags.BuyerIsMaker));
        Assert.Equal(2000000, trade.Quantity);
        Assert.Equal(1723161255342_000_000, trade.ExchangeTimeNs);
    }

    [Fact]
    public void BinanceParser_reads_an_aggTrade_with_its_aggregate_id()
    {
        var (parser, _) = NewParser();
        var trade = Parse(parser, AggTrade).Events.Single();
        Assert.Equal(15683430, trade.TradeId);
        Assert.Equal(Side.Buy, trade.Side);
        Assert.Equal(35280000, trade.Price);
    }

    [Fact]
    public void BinanceParser_reads_a_kline_as_a_candle()
    {
        var (parser, _) = NewParser();
        var candle = Parse(parser, Kline).Events.Single();
        Assert.Equal(MarketEventKind.Candle, candle.Kind);
        Assert.Equal((35270000L, 35280000L, 35220000L, 35280000L), (candle.Open, candle.High, candle.Low, candle.Close));
        Assert.Equal(2587700000000, candle.Volume);
        Assert.Equal(60, candle.IntervalSeconds);
        Assert.Equal(1633998480000_000_000, candle.ExchangeTimeNs);
        Assert.False(candle.Has(MarketEventFlags.CandleClosed));
    }

    [Fact]
    public void BinanceParser_gives_an_anonymous_snapshot_to_the_instrument_that_asked_for_it()
    {
        var (parser, registry) = NewParser();
        Parse(parser, SpotDepth);
        var btc = registry.Snapshot().Single();
        var (result, events) = Parse(parser, SpotSnapshotHead, btc.Id);
        Assert.Equal(ParseResult.Ok(4), result);
        Assert.All(events, e => Assert.Equal(btc.Id, e.InstrumentId));
        Assert.All(events, e => Assert.True(e.Has(MarketEventFlags.Snapshot | MarketEventFlags.FromRest)));
        Assert.Equal(50093239218, events[^1].Sequence);
    }

    [Fact]
    public void BinanceParser_takes_the_snapshot_symbol_from_the_request_url()
    {
        var (parser, registry) = NewParser();
        var sink = new CollectingSink();
        var result = parser.ParseRestResponse("https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000"u8, Encoding.UTF8.GetBytes(SpotSnapshotHead), new MessageContext(0), ref sink);
        Assert.Equal(ParseStatus.Ok, result.Status);
        Assert.Equal("NKNUSDT", registry.Get(sink.Events[0].InstrumentId).Symbol);
    }

    [Fact]
    public void BinanceParser_rejects_an_anonymous_snapshot_nobody_asked_for()
    {
        var (parser, _) = NewParser();
        Assert.Equal(ParseResult.Failed(ParseError.MissingField), Parse(parser, SpotSnapshotHead).Result);
    }

    [Fact]
    public void BinanceParser_ignores_subscription_responses()
    {
        var (parser, _) = NewParser();
        Assert.Equal(ParseResult.Ignored, Parse(parser, """{"result":null,"id":1}""").Result);
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@ticker","data":{"e":"24hrMiniTicker","E":1,"s":"BTCUSDT"}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"hello":"world"}""")]
    public void BinanceParser_reports_unrecognised_messages_as_unknown(string message)
    {
        var (parser, _) = NewParser();
        Assert.Equal(ParseResult.Unknown, Parse(parser, message).Result);
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,""")]
    [InlineData("""{"stream":"btcusdt@trade"}}""")]
    [InlineData("not json")]
    [InlineData("")]
    public void BinanceParser_reports_malformed_json_and_writes_nothing(string message)
    {
        var (parser, _) = NewParser();
        var (result, events) = Parse(parser, message);
        Assert.Equal(ParseResult.Failed(ParseError.MalformedJson), result);
        Assert.Empty(events);
    }

    [Fact]
    public void BinanceParser_rejects_an_unknown_symbol_when_it_does_not_register_symbols()
    {
        var (parser, registry) = NewParser(options: ParserOptions.Default);
        var (result, events) = Parse(parser, SpotTrade);
        Assert.Equal(ParseResult.Failed(ParseError.UnknownSymbol), result);
        Assert.Empty(events);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void BinanceParser_rejects_a_number_more_precise_than_the_scale_and_writes_nothing_of_the_message()
    {
        var registry = new InstrumentRegistry();
        registry.Register(new InstrumentSpec("binance", "spot", "BTCUSDT", 2, 3));
        var parser = ExchangeCatalog.Get("binance-spot").CreateParser(registry, ParserOptions.Default);
        // 0.32332 needs 5 decimals; the earlier levels of the message are fine and must not leak out.
        var (result, events) = Parse(parser, SpotDepth);
        Assert.Equal(ParseResult.Failed(ParseError.NumberTooPrecise), result);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("1m", 60)]
    [InlineData("15m", 900)]
    [InlineData("4h", 14400)]
    [InlineData("1w", 604800)]
    public void BinanceParser_reads_kline_intervals(string interval, long seconds)
    {
        Assert.True(BinanceParser.TryIntervalSeconds(Encoding.ASCII.GetBytes(interval), out var parsed));
        Assert.Equal(seconds, parsed);
    }
}
