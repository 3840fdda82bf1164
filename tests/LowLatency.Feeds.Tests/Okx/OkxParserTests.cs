using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Okx;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Okx;

/// <summary>OKX v5 message shapes: recorded trades and tickers, documented book ids, events and pongs.</summary>
public sealed class OkxParserTests
{
    private readonly InstrumentRegistry _registry = new();
    private readonly Instrument _future;
    private readonly Instrument _spot;
    private readonly IExchangeParser _parser;

    public OkxParserTests()
    {
        _future = _registry.Register(new InstrumentSpec("okx", "all", "BTC-USD-220527", 1, 0));
        _spot = _registry.Register(new InstrumentSpec("okx", "all", "BTC-USDT", 1, 8));
        _parser = new OkxDefinition().CreateParser(_registry, ParserOptions.Default);
    }

    [Fact]
    public void Recorded_trade_carries_price_size_taker_side_id_and_time()
    {
        var trade = ParseSingle("""{"arg":{"channel":"trades","instId":"BTC-USD-220527"},"data":[{"instId":"BTC-USD-220527","tradeId":"7849","px":"30218.8","sz":"1","side":"buy","ts":"1652459199958"}]}""");

        Assert.Equal(MarketEventKind.Trade, trade.Kind);
        Assert.Equal(_future.Id, trade.InstrumentId);
        Assert.Equal(302188, trade.Price);
        Assert.Equal(1, trade.Quantity);
        Assert.Equal(Side.Buy, trade.Side);
        Assert.Equal(7849, trade.TradeId);
        Assert.Equal(1652459199958_000000, trade.ExchangeTimeNs);
    }

    [Fact]
    public void Recorded_ticker_carries_best_bid_and_ask_last_price_and_24h_volume()
    {
        var ticker = ParseSingle("""{"arg":{"channel":"tickers","instId":"BTC-USD-220527"},"data":[{"instType":"FUTURES","instId":"BTC-USD-220527","last":"30218.8","lastSz":"1","askPx":"30220.1","askSz":"3","bidPx":"30210.4","bidSz":"4","open24h":"29571.4","high24h":"31003.3","low24h":"27930.8","sodUtc0":"28935.3","sodUtc8":"30320.5","volCcy24h":"2620.289","vol24h":"779573","ts":"1652459223003"}]}""");

        Assert.Equal(MarketEventKind.Ticker, ticker.Kind);
        Assert.Equal(302104, ticker.BidPrice);
        Assert.Equal(4, ticker.BidQuantity);
        Assert.Equal(302201, ticker.AskPrice);
        Assert.Equal(3, ticker.AskQuantity);
        Assert.Equal(302188, ticker.LastPrice);
        Assert.Equal(779573, ticker.Volume);
        Assert.Equal(1652459223003_000000, ticker.ExchangeTimeNs);
    }

    [Fact]
    public void Ticker_field_sent_as_an_empty_string_reads_as_zero()
    {
        var ticker = ParseSingle("""{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","last":"30218.8","askPx":"30220.1","askSz":"3","bidPx":"","bidSz":"","vol24h":"1","ts":"1"}]}""");

        Assert.Equal(0, ticker.BidPrice);
        Assert.Equal(0, ticker.BidQuantity);
        Assert.Equal(302201, ticker.AskPrice);
    }

    [Fact]
    public void Book_update_end_carries_the_checksum_bits_and_both_sequence_ids()
    {
        var (result, events) = Parse("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["8476.9","415","0","13"]],"bids":[["8476.1","0.0100","0","1"]],"ts":"1597026383085","checksum":-855196043,"prevSeqId":123456,"seqId":123457}]}""");

        Assert.Equal(3, result.EventCount);
        Assert.Equal(MarketEventKind.BookDeltaLevel, events[0].Kind);
        Assert.Equal(Side.Sell, events[0].Side);
        Assert.Equal(Side.Buy, events[1].Side);
        Assert.Equal(1_000000, events[1].Quantity);
        Assert.Equal(4, events[1].QuantityFractionDigits);
        var end = events[2];
        Assert.Equal(MarketEventKind.BookEnd, end.Kind);
        Assert.True(end.Has(MarketEventFlags.HasChecksum));
        Assert.Equal(unchecked((uint)-855196043), end.Checksum);
        Assert.Equal(123457, end.Sequence);
        Assert.Equal(123456, end.PreviousSequence);
        Assert.Equal(1597026383085_000000, end.ExchangeTimeNs);
    }

    [Fact]
    public void Books5_push_without_an_action_is_a_full_snapshot()
    {
        var (result, events) = Parse("""{"arg":{"channel":"books5","instId":"BTC-USDT"},"data":[{"asks":[["111.1","55.154","0","2"]],"bids":[["111.0","57.745","0","2"]],"instId":"BTC-USDT","ts":"1670324386802","seqId":363996337}]}""");

        Assert.Equal(3, result.EventCount);
        Assert.Equal(MarketEventKind.BookSnapshotLevel, events[0].Kind);
        Assert.True(events[2].Has(MarketEventFlags.Snapshot));
        Assert.False(events[2].Has(MarketEventFlags.HasChecksum));
        Assert.Equal(363996337, events[2].Sequence);
    }

    [Theory]
    [InlineData("pong")]
    [InlineData("""{"event":"subscribe","arg":{"channel":"books","instId":"BTC-USDT"}}""")]
    [InlineData("""{"event":"error","code":"60012","msg":"Invalid request: {\"op\": \"subscribe\"}"}""")]
    public void Pongs_and_events_are_ignored(string message)
    {
        Assert.Equal(ParseStatus.Ignored, Parse(message).Result.Status);
    }

    [Fact]
    public void Channels_not_served_here_are_unknown()
    {
        Assert.Equal(ParseStatus.Unknown, Parse("""{"arg":{"channel":"mark-price","instId":"BTC-USDT"},"data":[{"instType":"SWAP","instId":"BTC-USDT","markPx":"200","ts":"1597026383085"}]}""").Result.Status);
    }

    [Fact]
    public void Book_messages_chain_through_prev_seq_id_including_empty_updates_and_sequence_resets()
    {
        var book = ChainedBook(out var sink, out var resync);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"snapshot","data":[{"asks":[["101.0","1","0","1"]],"bids":[["100.0","1","0","1"]],"ts":"1","prevSeqId":-1,"seqId":10}]}""", ref sink);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[["100.0","2","0","1"]],"ts":"2","prevSeqId":10,"seqId":12}]}""", ref sink);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[],"ts":"3","prevSeqId":12,"seqId":12}]}""", ref sink);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["101.0","3","0","1"]],"bids":[],"ts":"4","prevSeqId":12,"seqId":3}]}""", ref sink);

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(3, book.Counters.UpdatesApplied);
        Assert.Equal(3, book.LastSequence);
        Assert.Equal(2_00000000, book.Bids.BestQuantity);
        Assert.Equal(3_00000000, book.Asks.BestQuantity);
        Assert.Empty(resync.Requests);
    }

    [Fact]
    public void Book_message_whose_prev_seq_id_is_not_the_last_seq_id_is_a_gap()
    {
        var book = ChainedBook(out var sink, out var resync);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"snapshot","data":[{"asks":[["101.0","1","0","1"]],"bids":[["100.0","1","0","1"]],"ts":"1","prevSeqId":-1,"seqId":10}]}""", ref sink);
        Apply("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[["100.0","2","0","1"]],"ts":"2","prevSeqId":11,"seqId":12}]}""", ref sink);

        Assert.Equal(BookQuality.Resyncing, book.Quality);
        Assert.Equal(1, book.Counters.Gaps);
        Assert.Equal([(_spot.Id, ResyncReason.SequenceGap)], resync.Requests);
        Assert.Equal(1_00000000, book.Bids.BestQuantity);
    }

    private OrderBook ChainedBook(out BookSink sink, out RecordingResyncHandler resync)
    {
        resync = new RecordingResyncHandler();
        var book = new OrderBook(_spot.Id, 1, 8, new OkxDefinition().CreateBookRules(0), resync);
        sink = new BookSink(book);
        return book;
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
