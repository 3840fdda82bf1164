using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Tests.Exchanges;

public sealed class SubscriptionBuilderTests
{
    [Fact]
    public void Binance_subscribes_to_combined_streams_with_lowercase_names()
    {
        var builder = ExchangeCatalog.Get("binance-spot").Subscriptions;
        var request = new SubscriptionRequest(["BTCUSDT"], MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades | MarketChannels.Candles, RequestId: 7);

        Assert.Equal(new Uri("wss://stream.binance.com:9443/stream"), builder.BuildConnectUri(request));
        using var message = JsonDocument.Parse(builder.BuildSubscribeMessages(request).Single());
        Assert.Equal("SUBSCRIBE", message.RootElement.GetProperty("method").GetString());
        Assert.Equal(7, message.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(["btcusdt@depth@100ms", "btcusdt@bookTicker", "btcusdt@trade", "btcusdt@kline_1m"],
            message.RootElement.GetProperty("params").EnumerateArray().Select(p => p.GetString()));
        using var unsubscribe = JsonDocument.Parse(builder.BuildUnsubscribeMessages(request).Single());
        Assert.Equal("UNSUBSCRIBE", unsubscribe.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void Binance_refuses_channels_it_does_not_serve()
    {
        var builder = ExchangeCatalog.Get("binance-usdm").Subscriptions;
        Assert.Throws<NotSupportedException>(() => builder.BuildSubscribeMessages(new SubscriptionRequest(["BTCUSDT"], MarketChannels.Ticker)));
        Assert.Throws<NotSupportedException>(() => builder.BuildSubscribeMessages(new SubscriptionRequest(["BTCUSDT"], MarketChannels.Candles, CandleIntervalSeconds: 7)));
    }

    [Fact]
    public void Kraken_sends_one_v2_subscribe_request_per_channel()
    {
        var builder = ExchangeCatalog.Get("kraken").Subscriptions;
        var request = new SubscriptionRequest(["BTC/USD", "ETH/USD"], MarketChannels.Instruments | MarketChannels.Book | MarketChannels.Trades | MarketChannels.Candles, BookDepth: 25, CandleIntervalSeconds: 300);
        var messages = builder.BuildSubscribeMessages(request).Select(m => JsonDocument.Parse(m).RootElement).ToList();

        Assert.Equal(["instrument", "book", "trade", "ohlc"], messages.Select(m => m.GetProperty("params").GetProperty("channel").GetString()));
        Assert.All(messages, m => Assert.Equal("subscribe", m.GetProperty("method").GetString()));
        Assert.Equal(25, messages[1].GetProperty("params").GetProperty("depth").GetInt32());
        Assert.Equal(["BTC/USD", "ETH/USD"], messages[1].GetProperty("params").GetProperty("symbol").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(5, messages[3].GetProperty("params").GetProperty("interval").GetInt32());
    }

    [Fact]
    public void Kraken_refuses_a_depth_it_does_not_offer()
    {
        Assert.Throws<NotSupportedException>(() => ExchangeCatalog.Get("kraken").CreateBookRules(20));
        Assert.Equal(10, ExchangeCatalog.Get("kraken").CreateBookRules(0).MaxDepth);
    }
}
