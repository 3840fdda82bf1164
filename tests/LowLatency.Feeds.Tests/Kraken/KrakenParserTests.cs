using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Kraken;

public sealed class KrakenParserTests
{
    private static (IExchangeParser Parser, InstrumentRegistry Registry) NewParser(int priceScale = 5, int quantityScale = 8)
    {
        var registry = new InstrumentRegistry();
        // The Kraken.Net documentation examples relabel the docs' symbol as ETH/USDT with docs' prices.
        registry.Register(new InstrumentSpec("kraken", "spot", "ETH/USDT", priceScale, quantityScale));
        return (ExchangeCatalog.Get("kraken").CreateParser(registry, ParserOptions.Default), registry);
    }

    private static (ParseResult Result, List<MarketEvent> Events) Parse(IExchangeParser parser, byte[] message)
    {
        var sink = new CollectingSink();
        var result = parser.Parse(message, new MessageContext(7), ref sink);
        return (result, sink.Events);
    }

    [Fact]
    public void KrakenParser_registers_pairs_with_their_precisions_from_the_instrument_snapshot()
    {
        var processor = KrakenFixtures.ProcessorWithInstruments();
        var registry = processor.Instruments;
        Assert.Equal(683, registry.Count);
        Assert.True(registry.TryGet("kraken", "spot", "BTC/USD", out var btc));
        Assert.Equal((1, 8), (btc.PriceScale, btc.QuantityScale));
        Assert.True(registry.TryGet("kraken", "spot", "ETH/USD", out var eth));
        Assert.Equal((2, 8), (eth.PriceScale, eth.QuantityScale));
        Assert.True(registry.TryGet("kraken", "spot", "MATIC/USD", out var matic));
        Assert.Equal((4, 8), (matic.PriceScale, matic.QuantityScale));
    }

    [Fact]
    public void KrakenParser_reads_the_documented_book_snapshot_with_its_checksum()
    {
        var (parser, _) = NewParser(4, 8);
        var (result, events) = Parse(parser, KrakenFixtures.DocumentationPush("AggBook.txt"));
        Assert.Equal(ParseResult.Ok(21), result);
        Assert.Equal(20, events.Count(e => e.Kind == MarketEventKind.BookSnapshotLevel));
        var end = events[^1];
        Assert.Equal(MarketEventKind.BookEnd, end.Kind);
        Assert.True(end.Has(MarketEventFlags.Snapshot | MarketEventFlags.HasChecksum));
        Assert.Equal(2439117997u, end.Checksum);
        var first = events[0];
        Assert.Equal((Side.Buy, 5666L, 483175496356L), (first.Side, first.Price, first.Quantity));
    }

    [Fact]
    public void KrakenParser_reads_the_documented_ticker()
    {
        var (parser, _) = NewParser();
        var ticker = Parse(parser, KrakenFixtures.DocumentationPush("Ticker.txt")).Events.Single();
        Assert.Equal(MarketEventKind.Ticker, ticker.Kind);
        Assert.Equal((10025L, 74000000000L, 10035L, 74000000000L), (ticker.BidPrice, ticker.BidQuantity, ticker.AskPrice, ticker.AskQuantity));
        Assert.Equal(10035, ticker.LastPrice);
        Assert.Equal(99703898383185, ticker.Volume);
    }

    [Fact]
    public void KrakenParser_reads_the_documented_trade()
    {
        var (parser, _) = NewParser();
        var trade = Parse(parser, KrakenFixtures.DocumentationPush("Trades.txt")).Events.Single();
        Assert.Equal(MarketEventKind.Trade, trade.Kind);
        Assert.Equal((Side.Sell, 51170L, 4000000000L, 4665906L), (trade.Side, trade.Price, trade.Quantity, trade.TradeId));
        Assert.Equal(new DateTimeOffset(2023, 9, 25, 7, 49, 37, 708, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000 + 706_000, trade.ExchangeTimeNs);
    }

    [Fact]
    public void KrakenParser_reads_the_documented_ohlc_as_a_candle()
    {
        var (parser, _) = NewParser();
        var candle = Parse(parser, KrakenFixtures.DocumentationPush("Kline.txt")).Events.Single();
        Assert.Equal(MarketEventKind.Candle, candle.Kind);
        Assert.Equal((56240L, 56280L, 56220L, 56270L), (candle.Open, candle.High, candle.Low, candle.Close));
        Assert.Equal(300, candle.IntervalSeconds);
        Assert.Equal(new DateTimeOffset(2023, 10, 4, 16, 25, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, candle.ExchangeTimeNs);
    }

    [Theory]
    [InlineData("""{"channel":"heartbeat"}""")]
    [InlineData("""{"method":"subscribe","result":{"channel":"book","depth":10,"snapshot":true,"symbol":"BTC/USD"},"success":true,"time_in":"2023-09-25T09:04:31.742599Z","time_out":"2023-09-25T09:04:31.742648Z","req_id":1}""")]
    [InlineData("""{"method":"pong","req_id":2}""")]
    public void KrakenParser_ignores_heartbeats_and_method_responses(string message)
    {
        var (parser, _) = NewParser();
        Assert.Equal(ParseResult.Ignored, Parse(parser, Encoding.UTF8.GetBytes(message)).Result);
    }

    [Fact]
    public void KrakenParser_turns_a_status_message_into_a_status_event()
    {
        var (parser, _) = NewParser();
        var (result, events) = Parse(parser, """{"channel":"status","type":"update","data":[{"version":"2.0.0","system":"online","api_version":"v2","connection_id":1}]}"""u8.ToArray());
        Assert.Equal(ParseResult.Ok(1), result);
        Assert.Equal((MarketEventKind.Status, -1), (events[0].Kind, events[0].InstrumentId));
    }

    [Fact]
    public void KrakenParser_rejects_a_price_more_precise_than_the_pair()
    {
        var (parser, _) = NewParser(4, 8);
        var (result, events) = Parse(parser, """{"channel":"book","type":"update","data":[{"symbol":"ETH/USDT","bids":[{"price":0.56575,"qty":1.0}],"asks":[],"checksum":1,"timestamp":"2023-10-06T17:35:55.440295Z"}]}"""u8.ToArray());
        Assert.Equal(ParseResult.Failed(ParseError.NumberTooPrecise), result);
        Assert.Empty(events);
    }

    [Fact]
    public void KrakenParser_rejects_an_unknown_pair()
    {
        var (parser, _) = NewParser();
        var (result, _) = Parse(parser, """{"channel":"trade","type":"update","data":[{"symbol":"DOGE/USD","side":"buy","price":0.1,"qty":1,"ord_type":"market","trade_id":1,"timestamp":"2023-09-25T07:49:37.708706Z"}]}"""u8.ToArray());
        Assert.Equal(ParseResult.Failed(ParseError.UnknownSymbol), result);
    }

    [Fact]
    public void KrakenParser_reads_fields_in_any_order()
    {
        // Keys sorted as nlohmann::json writes them: symbol and type come after the levels.
        var (parser, _) = NewParser(1, 8);
        var (result, events) = Parse(parser, """{"channel":"book","data":[{"asks":[{"price":93888.1,"qty":5.325e-05}],"bids":[{"price":93888.0,"qty":7.04391006}],"checksum":1,"symbol":"ETH/USDT"}],"type":"snapshot"}"""u8.ToArray());
        Assert.Equal(ParseResult.Ok(3), result);
        Assert.Equal(5325, events[0].Quantity);
        Assert.Equal(MarketEventKind.BookSnapshotLevel, events[0].Kind);
    }
}
