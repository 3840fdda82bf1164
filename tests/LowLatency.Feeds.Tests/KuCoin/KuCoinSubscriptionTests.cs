using System.Text;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.KuCoin;

namespace LowLatency.Feeds.Tests.KuCoin;

public sealed class KuCoinSubscriptionTests
{
    // KuCoin's documented bullet-public response.
    private const string BulletResponse = """{"code":"200000","data":{"token":"2neAiuYvAU61ZDXANAGAsiL4-iAExhsBXZxftpOeh_55i3Ysy2q2LEsEWU64mdzUOPusi34M_wGoSf7iNyEWJ4aBZXpWhrmY9jKtqkdWoFa75w3istPvPtiYB9J6i9GjsxUuhPw3BlrzazF6ghq4L_sLyP7_8Ohr9j9bZK9HkrxCiKp5nMnnmg0Uc52kxKcw.Cqo4bGd8Ty3XlA9Et5Uf3Q==","instanceServers":[{"endpoint":"wss://ws-api-spot.kucoin.com/","encrypt":true,"protocol":"websocket","pingInterval":18000,"pingTimeout":10000}]}}""";

    [Fact]
    public void Spot_topics_join_symbols_and_the_ticker_serves_both_ticker_and_best_bid_offer()
    {
        var definition = ExchangeCatalog.Get("kucoin-spot");
        var request = new SubscriptionRequest(["BTC-USDT", "ETH-USDT"], MarketChannels.Book | MarketChannels.Ticker | MarketChannels.BestBidOffer | MarketChannels.Trades | MarketChannels.Candles, RequestId: 7);

        var messages = definition.Subscriptions.BuildSubscribeMessages(request);

        Assert.Equal(
            [
                """{"id":"7","type":"subscribe","topic":"/market/level2:BTC-USDT,ETH-USDT","privateChannel":false,"response":true}""",
                """{"id":"8","type":"subscribe","topic":"/market/ticker:BTC-USDT,ETH-USDT","privateChannel":false,"response":true}""",
                """{"id":"9","type":"subscribe","topic":"/market/match:BTC-USDT,ETH-USDT","privateChannel":false,"response":true}""",
                """{"id":"10","type":"subscribe","topic":"/market/candles:BTC-USDT_1min","privateChannel":false,"response":true}""",
                """{"id":"11","type":"subscribe","topic":"/market/candles:ETH-USDT_1min","privateChannel":false,"response":true}""",
            ],
            messages);
    }

    [Fact]
    public void Futures_topics_name_one_symbol_each()
    {
        var builder = (KuCoinSubscriptionBuilder)ExchangeCatalog.Get("kucoin-futures").Subscriptions;
        var request = new SubscriptionRequest(["XBTUSDTM"], MarketChannels.Book | MarketChannels.Ticker | MarketChannels.BestBidOffer | MarketChannels.Trades | MarketChannels.Candles, CandleIntervalSeconds: 3600);

        Assert.Equal(
            ["/contractMarket/level2:XBTUSDTM", "/contractMarket/ticker:XBTUSDTM", "/contractMarket/tickerV2:XBTUSDTM", "/contractMarket/execution:XBTUSDTM", "/contractMarket/limitCandle:XBTUSDTM_1hour"],
            builder.Topics(request));
    }

    [Fact]
    public void Spot_topics_hold_at_most_100_symbols()
    {
        var builder = (KuCoinSubscriptionBuilder)ExchangeCatalog.Get("kucoin-spot").Subscriptions;
        var symbols = Enumerable.Range(0, 150).Select(i => $"S{i}-USDT").ToArray();

        var topics = builder.Topics(new SubscriptionRequest(symbols, MarketChannels.Book));

        Assert.Equal(2, topics.Count);
        Assert.Equal(99, topics[0].Count(c => c == ','));
        Assert.Equal(49, topics[1].Count(c => c == ','));
    }

    [Fact]
    public void Book_depth_other_than_full_is_refused()
    {
        var request = new SubscriptionRequest(["BTC-USDT"], MarketChannels.Book, BookDepth: 50);

        Assert.Throws<NotSupportedException>(() => ExchangeCatalog.Get("kucoin-spot").Subscriptions.BuildSubscribeMessages(request));
    }

    [Fact]
    public void Bullet_token_gives_the_endpoint_token_and_keep_alive_rules()
    {
        var token = KuCoinBulletToken.Parse(Encoding.UTF8.GetBytes(BulletResponse));

        Assert.Equal(new Uri("wss://ws-api-spot.kucoin.com/"), token.Endpoint);
        Assert.StartsWith("2neAiuYvAU61ZDXANAGAsiL4", token.Token, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(18), token.KeepAlive.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(28), token.KeepAlive.SilenceTimeout);
        Assert.Equal("""{"id":"ping","type":"ping"}""", token.KeepAlive.ApplicationPing);
        Assert.Equal(
            "wss://ws-api-spot.kucoin.com/?token=" + Uri.EscapeDataString(token.Token) + "&connectId=c1",
            token.ConnectUri("c1").AbsoluteUri);
    }

    [Fact]
    public void Bullet_token_keep_alive_follows_the_token_not_the_documented_default()
    {
        var slower = BulletResponse.Replace("\"pingInterval\":18000,\"pingTimeout\":10000", "\"pingInterval\":30000,\"pingTimeout\":5000", StringComparison.Ordinal);

        var keepAlive = KuCoinBulletToken.Parse(Encoding.UTF8.GetBytes(slower)).KeepAlive;

        Assert.Equal(TimeSpan.FromSeconds(30), keepAlive.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(35), keepAlive.SilenceTimeout);
        Assert.Equal(TimeSpan.FromSeconds(18), ExchangeCatalog.Get("kucoin-spot").KeepAlive.PingInterval);
    }

    [Theory]
    [InlineData("""{"code":"400100","msg":"bad"}""")]
    [InlineData("""{"code":"200000","data":{"token":"t","instanceServers":[]}}""")]
    [InlineData("not json")]
    public void Bullet_response_of_another_shape_is_a_format_error(string body)
    {
        Assert.Throws<FormatException>(() => KuCoinBulletToken.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Books_take_rest_snapshots_and_only_spot_cross_checks_the_ticker()
    {
        var spot = ExchangeCatalog.Get("kucoin-spot");
        var futures = ExchangeCatalog.Get("kucoin-futures");

        Assert.Equal(SnapshotSource.Rest, spot.CreateBookRules(0).Snapshots);
        Assert.True(spot.CreateBookRules(0).CrossCheckBestBidOffer);
        Assert.False(futures.CreateBookRules(0).CrossCheckBestBidOffer);
        Assert.Equal(new Uri("https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BTC-USDT"), spot.BookSnapshotUri("BTC-USDT"));
        Assert.Equal(new Uri("https://api-futures.kucoin.com/api/v1/level2/snapshot?symbol=XBTUSDTM"), futures.BookSnapshotUri("XBTUSDTM"));
    }
}
