using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Tests.Sessions;

/// <summary>Session details the third-party tests do not reach: unsubscribe, listing, errors, heartbeats, wildcards.</summary>
public sealed class SessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<RecordedFeed> s_binance = new(() =>
        RecordedFeed.Load("binance", CaptureSlice.FirstSpan(TestPaths.BinanceSpotHbt, TimeSpan.FromSeconds(3))));

    [Fact]
    public async Task Binance_unsubscribe_stops_the_stream_right_after_its_ack()
    {
        await using var replayer = Replayer.Start(s_binance.Value, new ReplayerOptions { Speed = ReplaySpeed.Times(2) });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/stream?streams=btcusdt@trade/btcusdt@bookTicker"));
        await client.WaitForAsync(20, Timeout);

        await client.SendAsync("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\"],\"id\":9}");
        await client.WaitClosedAsync(Timeout);

        var texts = client.Messages.Select(m => m.Text).ToList();
        var ack = texts.IndexOf("{\"result\":null,\"id\":9}");
        Assert.True(ack > 0, "no ack");
        Assert.Contains(texts.Take(ack), t => t.Contains("@bookTicker"));
        Assert.DoesNotContain(texts.Skip(ack), t => t.Contains("@bookTicker"));
        Assert.Contains(texts.Skip(ack), t => t.Contains("@trade"));
    }

    [Fact]
    public async Task Binance_list_subscriptions_answers_the_streams_in_subscription_order()
    {
        await using var replayer = Replayer.Start(s_binance.Value, new ReplayerOptions { Speed = ReplaySpeed.RealTime });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/ws"));

        await client.SendAsync("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"ethusdt@depth\"],\"id\":1}");
        await client.SendAsync("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"list\"}");

        var answers = (await client.WaitForAsync(2, Timeout)).Select(m => m.Text).Where(t => t.Contains("\"id\"")).Take(2).ToList();
        Assert.Equal(["{\"result\":null,\"id\":1}", "{\"result\":[\"btcusdt@trade\",\"ethusdt@depth\"],\"id\":\"list\"}"], answers);
    }

    [Fact]
    public async Task Binance_set_property_combined_false_switches_to_raw_payloads()
    {
        var feed = s_binance.Value;
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/stream"));

        await client.SendAsync("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",false],\"id\":2}");
        await client.SendAsync("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":3}");
        await client.WaitClosedAsync(Timeout);

        var texts = client.Messages.Select(m => m.Text).ToList();
        Assert.Equal(["{\"result\":null,\"id\":2}", "{\"result\":null,\"id\":3}"], texts.Take(2));
        Assert.All(texts.Skip(2), t => Assert.StartsWith("{\"e\":\"trade\"", t));
    }

    [Theory]
    [InlineData("not json", "{\"error\":{\"code\":3,")]
    [InlineData("{\"method\":\"SUBSCRIBE\",\"params\":\"btcusdt@trade\",\"id\":4}", "{\"error\":{\"code\":2,\"msg\":\"Invalid request: params must be an array of stream names\"},\"id\":4}")]
    [InlineData("{\"method\":\"FLY\",\"id\":5}", "{\"error\":{\"code\":2,")]
    public async Task Binance_invalid_requests_get_an_error_with_their_id(string request, string answer)
    {
        await using var replayer = Replayer.Start(s_binance.Value, new ReplayerOptions { Speed = ReplaySpeed.RealTime });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/ws"));

        await client.SendAsync(request);

        Assert.StartsWith(answer, (await client.WaitForAsync(1, Timeout))[0].Text);
    }

    [Fact]
    public async Task Binance_unknown_path_is_refused_with_404()
    {
        await using var replayer = Replayer.Start(s_binance.Value);

        var refused = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => CollectingClient.ConnectAsync(replayer.WebSocketUrl("/v2")));

        Assert.Equal(404, refused.StatusCode);
    }

    [Fact]
    public async Task Kraken_sends_heartbeats_while_subscribed_and_quiet()
    {
        var feed = RecordedFeed.Load("kraken", TestPaths.KrakenV2);
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/v2"));

        await client.SendAsync("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":[\"ETH/USDT\"]}}");
        var messages = await client.WaitForAsync(4, Timeout);

        Assert.StartsWith("{\"channel\":\"status\"", messages[0].Text);
        Assert.StartsWith("{\"method\":\"subscribe\",\"result\":{\"channel\":\"ticker\",\"snapshot\":true,\"symbol\":\"ETH/USDT\"},\"success\":true", messages[1].Text);
        Assert.StartsWith("{\"channel\":\"ticker\"", messages[2].Text);
        Assert.Equal("{\"channel\":\"heartbeat\"}", messages[3].Text);
    }

    [Fact]
    public async Task Kraken_unknown_method_is_answered_with_an_error()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", TestPaths.KrakenV2));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/v2"));

        await client.SendAsync("{\"method\":\"fly\",\"req_id\":3}");

        var answer = JsonDocument.Parse((await client.WaitForAsync(2, Timeout))[1].Payload).RootElement;
        Assert.Equal("Method not found", answer.GetProperty("error").GetString());
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal(3, answer.GetProperty("req_id").GetInt32());
    }

    [Fact]
    public async Task KuCoin_all_subscribes_every_symbol_of_the_topic()
    {
        var feed = RecordedFeed.Load("kucoin", TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0"));
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/endpoint?token=t"));

        await client.SendAsync("{\"id\":1,\"type\":\"subscribe\",\"topic\":\"/market/ticker:all\",\"response\":true}");
        await client.WaitClosedAsync(Timeout);

        var texts = client.Messages.Select(m => m.Text).ToList();
        Assert.StartsWith("{\"id\":\"replay-", texts[0]);
        Assert.Equal("{\"id\":\"1\",\"type\":\"ack\"}", texts[1]);
        var tickers = Enumerable.Range(0, feed.Count).Count(i => feed.Keys[feed.KeyId(i)].Channel == "/market/ticker");
        Assert.Equal(tickers, texts.Count - 2);
    }

    [Fact]
    public async Task Bybit_spot_answers_ping_in_the_spot_shape()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("bybit", TestPaths.Fixture("bybit/cryptofeed-l1/BYBIT.ws.1.0")));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/v5/public/spot"));

        await client.SendAsync("{\"op\":\"ping\",\"req_id\":\"r1\"}");

        var pong = JsonDocument.Parse((await client.WaitForAsync(1, Timeout))[0].Payload).RootElement;
        Assert.Equal("pong", pong.GetProperty("op").GetString());
        Assert.Equal("r1", pong.GetProperty("req_id").GetString());
        Assert.True(long.Parse(pong.GetProperty("args")[0].GetString()!) > 0);
    }

    [Fact]
    public async Task Okx_invalid_operation_is_an_error_event()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("okx", TestPaths.Fixture("okx/cryptofeed/OKX.ws.1.0")));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/ws/v5/public"));

        await client.SendAsync("{\"op\":\"fly\",\"args\":[]}");

        var error = JsonDocument.Parse((await client.WaitForAsync(1, Timeout))[0].Payload).RootElement;
        Assert.Equal("error", error.GetProperty("event").GetString());
        Assert.Equal("60012", error.GetProperty("code").GetString());
    }
}
