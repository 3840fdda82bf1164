using System.Net.Http;
using System.Text;
using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Rest;

public sealed class RestStubTests
{
    private static readonly ReplayerOptions MaxSpeed = new() { Speed = ReplaySpeed.Max };
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Binance_depth_is_the_recorded_snapshot_cut_to_the_default_100_levels()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v3/depth?symbol=BTCUSDT")));

        using var recorded = JsonDocument.Parse(SharedFeeds.BinanceSpot.RestResponses[0].Body);
        Assert.Equal(50_093_239_218, answer.RootElement.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(100, answer.RootElement.GetProperty("bids").GetArrayLength());
        Assert.Equal(100, answer.RootElement.GetProperty("asks").GetArrayLength());
        Assert.Equal(recorded.RootElement.GetProperty("bids").EnumerateArray().Take(100).Select(l => l.GetRawText()),
            answer.RootElement.GetProperty("bids").EnumerateArray().Select(l => l.GetRawText()));
    }

    [Fact]
    public async Task Binance_depth_with_the_recorded_limit_is_the_recorded_body_byte_for_byte_on_every_market_path()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        foreach (var path in new[] { "/api/v3/depth", "/fapi/v1/depth", "/dapi/v1/depth" })
            Assert.Equal(SharedFeeds.BinanceSpot.RestResponses[0].Body, await Http.GetByteArrayAsync(replayer.RestUrlOf(path + "?symbol=BTCUSDT&limit=1000")));
    }

    [Fact]
    public async Task Binance_unknown_symbol_is_error_1121()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        var answer = await Http.GetAsync(replayer.RestUrlOf("/api/v3/depth?symbol=DOGEUSDT"));

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Binance_book_ticker_at_max_speed_is_the_last_recorded_book_ticker()
    {
        var feed = SharedFeeds.BinanceSpot;
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v3/ticker/bookTicker?symbol=btcusdt")));

        var last = LastData(feed, "bookTicker");
        Assert.Equal("BTCUSDT", answer.RootElement.GetProperty("symbol").GetString());
        Assert.Equal(last.GetProperty("b").GetString(), answer.RootElement.GetProperty("bidPrice").GetString());
        Assert.Equal(last.GetProperty("A").GetString(), answer.RootElement.GetProperty("askQty").GetString());
    }

    [Fact]
    public async Task Binance_book_ticker_in_real_time_starts_at_the_first_recorded_book_ticker()
    {
        var feed = SharedFeeds.BinanceSpot;
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.RealTime });

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v3/ticker/bookTicker?symbol=BTCUSDT")));

        var first = Enumerable.Range(0, feed.Count).First(i => feed.Keys[feed.KeyId(i)].Channel == "bookTicker");
        using var message = JsonDocument.Parse(feed.Payload(first, 1));
        Assert.Equal(message.RootElement.GetProperty("b").GetString(), answer.RootElement.GetProperty("bidPrice").GetString());
    }

    [Fact]
    public async Task Binance_price_is_the_last_recorded_trade()
    {
        var feed = SharedFeeds.BinanceSpot;
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v3/ticker/price?symbol=BTCUSDT")));

        Assert.Equal(LastData(feed, "trade").GetProperty("p").GetString(), answer.RootElement.GetProperty("price").GetString());
    }

    [Fact]
    public async Task Binance_klines_are_built_from_the_recorded_trades()
    {
        var feed = SharedFeeds.BinanceSpot;
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1000")));

        var trades = Enumerable.Range(0, feed.Count).Where(i => feed.Keys[feed.KeyId(i)].Channel == "trade")
            .Select(i => JsonDocument.Parse(feed.Payload(i, 1)).RootElement).ToList();
        var klines = answer.RootElement.EnumerateArray().ToList();
        Assert.Equal(trades.Count, klines.Sum(k => k[8].GetInt32()));
        Assert.Equal(trades.Sum(t => decimal.Parse(t.GetProperty("q").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            klines.Sum(k => decimal.Parse(k[5].GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(trades[^1].GetProperty("p").GetString(), klines[^1][4].GetString());
        Assert.All(klines, k => Assert.Equal(0, k[0].GetInt64() % 60_000));
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        var answer = await Http.GetAsync(replayer.RestUrlOf("/api/v3/order"));

        Assert.Equal(404, (int)answer.StatusCode);
    }

    [Fact]
    public async Task KuCoin_bullet_token_names_the_replayers_own_endpoint_and_ping_interval()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0")), MaxSpeed);

        var answer = await Http.PostAsync(replayer.RestUrlOf("/api/v1/bullet-public"), new ByteArrayContent([]));

        using var bullet = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("200000", bullet.RootElement.GetProperty("code").GetString());
        var server = bullet.RootElement.GetProperty("data").GetProperty("instanceServers")[0];
        Assert.Equal(replayer.WebSocketUrl("/endpoint").ToString(), server.GetProperty("endpoint").GetString());
        Assert.Equal(18_000, server.GetProperty("pingInterval").GetInt32());
        Assert.Equal(10_000, server.GetProperty("pingTimeout").GetInt32());
        Assert.StartsWith("replay-token-", bullet.RootElement.GetProperty("data").GetProperty("token").GetString());
    }

    [Fact]
    public async Task KuCoin_level2_snapshot_is_served_as_recorded()
    {
        var feed = RecordedFeed.Load("kucoin", TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0"));
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        var body = await Http.GetByteArrayAsync(replayer.RestUrlOf("/api/v3/market/orderbook/level2?symbol=SNX-BTC"));

        Assert.Equal(feed.RestResponses.Single(r => r.Symbol == "SNX-BTC").Body, body);
    }

    [Fact]
    public async Task KuCoin_level1_is_the_last_recorded_ticker()
    {
        var feed = RecordedFeed.Load("kucoin", TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0"));
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v1/market/orderbook/level1?symbol=SNX-BTC")));

        var last = Enumerable.Range(0, feed.Count).Last(i => feed.Keys[feed.KeyId(i)] == new StreamKey("/market/ticker", "SNX-BTC"));
        using var message = JsonDocument.Parse(feed.Payload(last));
        Assert.Equal(message.RootElement.GetProperty("data").GetProperty("bestAsk").GetString(),
            answer.RootElement.GetProperty("data").GetProperty("bestAsk").GetString());
    }

    [Fact]
    public async Task Kraken_websocket_token_expires_in_15_minutes()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", TestPaths.KrakenV2), MaxSpeed);

        var answer = await Http.PostAsync(replayer.RestUrlOf("/0/private/GetWebSocketsToken"), new StringContent("nonce=1"));

        using var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, token.RootElement.GetProperty("error").GetArrayLength());
        Assert.Equal(900, token.RootElement.GetProperty("result").GetProperty("expires").GetInt32());
        Assert.StartsWith("replay-token-", token.RootElement.GetProperty("result").GetProperty("token").GetString());
    }

    [Fact]
    public async Task Kraken_ticker_answers_under_the_pair_asked_from_the_recorded_ticker_and_trade()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", TestPaths.KrakenV2), MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/0/public/Ticker?pair=ETHUSDT")));

        var ticker = answer.RootElement.GetProperty("result").GetProperty("ETHUSDT");
        Assert.Equal("0.10035", ticker.GetProperty("a")[0].GetString());
        Assert.Equal("740.0", ticker.GetProperty("b")[2].GetString());
        Assert.Equal("0.5117", ticker.GetProperty("c")[0].GetString());
    }

    [Fact]
    public async Task Kraken_unknown_pair_is_an_error_list()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", TestPaths.KrakenV2), MaxSpeed);

        var answer = await Http.GetStringAsync(replayer.RestUrlOf("/0/public/Ticker?pair=DOGEEUR"));

        Assert.Equal("{\"error\":[\"EQuery:Unknown asset pair\"]}", answer);
    }

    [Fact]
    public async Task Okx_ticker_last_is_the_last_recorded_trade_and_the_quote_the_last_ticker()
    {
        var feed = RecordedFeed.Load("okx", TestPaths.Fixture("okx/cryptofeed/OKX.ws.1.0"));
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v5/market/ticker?instId=BTC-USDT")));

        var ticker = answer.RootElement.GetProperty("data")[0];
        Assert.Equal("SPOT", ticker.GetProperty("instType").GetString());
        Assert.Equal(LastElement(LastData(feed, "trades", "BTC-USDT")).GetProperty("px").GetString(), ticker.GetProperty("last").GetString());
        Assert.Equal(LastData(feed, "tickers", "BTC-USDT")[0].GetProperty("bidPx").GetString(), ticker.GetProperty("bidPx").GetString());
    }

    [Fact]
    public async Task Bybit_tickers_take_the_best_prices_of_orderbook_1()
    {
        var feed = RecordedFeed.Load("bybit", TestPaths.Fixture("bybit/cryptofeed-l1/BYBIT.ws.1.0"));
        await using var replayer = Replayer.Start(feed, MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/v5/market/tickers?category=linear&symbol=BANDUSDT")));

        Assert.Equal(0, answer.RootElement.GetProperty("retCode").GetInt32());
        var ticker = answer.RootElement.GetProperty("result").GetProperty("list")[0];
        var book = LastData(feed, "orderbook.1", "BANDUSDT");
        Assert.Equal(book.GetProperty("b")[0][0].GetString(), ticker.GetProperty("bid1Price").GetString());
        Assert.Equal(book.GetProperty("a")[0][1].GetString(), ticker.GetProperty("ask1Size").GetString());
    }

    private static JsonElement LastElement(JsonElement array) => array[array.GetArrayLength() - 1];

    private static JsonElement LastData(RecordedFeed feed, string channel, string? symbol = null)
    {
        var last = Enumerable.Range(0, feed.Count).Last(i => feed.Keys[feed.KeyId(i)].Channel == channel && (symbol is null || feed.Keys[feed.KeyId(i)].Symbol == symbol));
        var root = JsonDocument.Parse(Encoding.UTF8.GetString(feed.Payload(last).Span)).RootElement;
        return root.TryGetProperty("data", out var data) ? data : root;
    }
}
