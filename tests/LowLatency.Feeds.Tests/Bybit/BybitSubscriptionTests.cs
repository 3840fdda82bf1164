using LowLatency.Feeds.Books;
using LowLatency.Feeds.Bybit;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Tests.Bybit;

public sealed class BybitSubscriptionTests
{
    [Fact]
    public void Subscribe_message_lists_one_topic_per_channel_and_symbol()
    {
        var definition = ExchangeCatalog.Get("bybit-linear");
        var request = new SubscriptionRequest(["BTCUSDT"], MarketChannels.Book | MarketChannels.Trades | MarketChannels.Ticker | MarketChannels.Candles, BookDepth: 200);

        var message = Assert.Single(definition.Subscriptions.BuildSubscribeMessages(request));

        Assert.Equal("""{"req_id":"1","op":"subscribe","args":["orderbook.200.BTCUSDT","publicTrade.BTCUSDT","tickers.BTCUSDT","kline.1.BTCUSDT"]}""", message);
        Assert.Equal(new Uri("wss://stream.bybit.com/v5/public/linear"), definition.Subscriptions.BuildConnectUri(request));
    }

    [Fact]
    public void Topics_are_sent_ten_per_message()
    {
        var definition = ExchangeCatalog.Get("bybit-spot");
        var request = new SubscriptionRequest(["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"], MarketChannels.Book | MarketChannels.Trades | MarketChannels.Ticker);

        var messages = definition.Subscriptions.BuildUnsubscribeMessages(request);

        Assert.Equal(2, messages.Count);
        Assert.StartsWith("""{"req_id":"1","op":"unsubscribe","args":["orderbook.50.BTCUSDT",""", messages[0]);
        Assert.Equal("""{"req_id":"1","op":"unsubscribe","args":["publicTrade.XRPUSDT","tickers.XRPUSDT"]}""", messages[1]);
    }

    [Theory]
    [InlineData("bybit-linear", 1000)]
    [InlineData("bybit-spot", 500)]
    public void Depth_the_market_does_not_offer_is_refused(string venue, int depth)
    {
        var request = new SubscriptionRequest(["BTCUSDT"], MarketChannels.Book, BookDepth: depth);

        Assert.Throws<NotSupportedException>(() => ExchangeCatalog.Get(venue).Subscriptions.BuildSubscribeMessages(request));
    }

    [Fact]
    public void Best_bid_offer_channel_is_refused_because_bybit_has_none_apart_from_the_book()
    {
        var request = new SubscriptionRequest(["BTCUSDT"], MarketChannels.BestBidOffer);

        Assert.Throws<NotSupportedException>(() => ExchangeCatalog.Get("bybit-linear").Subscriptions.BuildSubscribeMessages(request));
    }

    [Fact]
    public void Client_pings_with_op_ping_every_20_seconds_and_books_come_from_the_stream()
    {
        var definition = ExchangeCatalog.Get("bybit-spot");

        Assert.IsType<BybitSpotDefinition>(definition);
        Assert.Equal(TimeSpan.FromSeconds(20), definition.KeepAlive.PingInterval);
        Assert.Equal("""{"op":"ping"}""", definition.KeepAlive.ApplicationPing);
        Assert.Null(definition.BookSnapshotUri("BTCUSDT"));
        Assert.Equal(SnapshotSource.Stream, definition.CreateBookRules(0).Snapshots);
    }
}
