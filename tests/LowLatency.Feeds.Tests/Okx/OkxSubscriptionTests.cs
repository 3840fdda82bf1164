using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Okx;

namespace LowLatency.Feeds.Tests.Okx;

public sealed class OkxSubscriptionTests
{
    [Fact]
    public void Subscribe_message_lists_channel_and_instrument_pairs()
    {
        var definition = ExchangeCatalog.Get("okx");
        var request = new SubscriptionRequest(["BTC-USDT", "BTC-USDT-SWAP"], MarketChannels.Book | MarketChannels.Trades | MarketChannels.Ticker);

        var message = Assert.Single(definition.Subscriptions.BuildSubscribeMessages(request));

        Assert.Equal(
            """{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"},{"channel":"trades","instId":"BTC-USDT"},{"channel":"tickers","instId":"BTC-USDT"},{"channel":"books","instId":"BTC-USDT-SWAP"},{"channel":"trades","instId":"BTC-USDT-SWAP"},{"channel":"tickers","instId":"BTC-USDT-SWAP"}]}""",
            message);
    }

    [Fact]
    public void Depth_5_subscribes_books5()
    {
        var request = new SubscriptionRequest(["BTC-USDT"], MarketChannels.Book, BookDepth: 5);

        Assert.Equal([("books5", "BTC-USDT")], OkxSubscriptionBuilder.Arguments(request));
    }

    [Theory]
    [InlineData(MarketChannels.Candles)]
    [InlineData(MarketChannels.BestBidOffer)]
    public void Channels_outside_the_public_endpoint_are_refused(MarketChannels channels)
    {
        var request = new SubscriptionRequest(["BTC-USDT"], channels);

        Assert.Throws<NotSupportedException>(() => ExchangeCatalog.Get("okx").Subscriptions.BuildSubscribeMessages(request));
    }

    [Fact]
    public void Client_pings_with_the_text_ping_before_okx_drops_a_connection_silent_for_30_seconds()
    {
        var keepAlive = ExchangeCatalog.Get("okx").KeepAlive;

        Assert.Equal("ping", keepAlive.ApplicationPing);
        Assert.True(keepAlive.PingInterval < TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), keepAlive.SilenceTimeout);
    }

    [Fact]
    public void Books_verify_the_okx_checksum_and_chain_through_prev_seq_id()
    {
        var rules = ExchangeCatalog.Get("okx").CreateBookRules(0);

        Assert.IsType<OkxBookChecksum>(rules.Checksum);
        Assert.Equal(BookSequenceRule.PreviousEqualsLast, rules.Sequence);
    }
}
