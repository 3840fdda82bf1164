using System.Diagnostics;
using System.Net.Http;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Tests.Faults;

/// <summary>Every fault kind, as a client sees it: which messages, how many, in which order, and how the connection ends.</summary>
public sealed class FaultInjectionTests
{
    private const string AllStreams = "/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<RecordedFeed> s_feed = new(() =>
        RecordedFeed.Load("binance", CaptureSlice.FirstSpan(TestPaths.BinanceSpotHbt, TimeSpan.FromSeconds(3))));

    private static RecordedFeed Feed => s_feed.Value;

    /// <summary>Message number n (1-based) of the recording, as the client should see it.</summary>
    private static string Recorded(int number) => System.Text.Encoding.UTF8.GetString(Feed.Payload(number - 1).Span);

    [Fact]
    public async Task Drop_every_k_removes_exactly_messages_k_2k_3k()
    {
        var (messages, close) = await ReplayAsync("drop:every=100");

        var expected = Enumerable.Range(1, Feed.Count).Where(n => n % 100 != 0).Select(Recorded).ToList();
        Assert.Equal(expected, messages);
        Assert.Equal(WebSocketCloseCode.NormalClosure, close.Code);
    }

    [Fact]
    public async Task Drop_at_a_rate_hits_the_same_positions_on_every_connection_for_a_seed()
    {
        var (first, _) = await ReplayAsync("drop:rate=0.05,seed=7");
        var (again, _) = await ReplayAsync("drop:rate=0.05,seed=7");
        var (otherSeed, _) = await ReplayAsync("drop:rate=0.05,seed=8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        var dropped = Feed.Count - first.Count;
        Assert.InRange(dropped, 1, Feed.Count * 0.15);
        var all = Enumerable.Range(1, Feed.Count).Select(Recorded).ToList();
        Assert.Equal(first, all.Where(first.Contains).ToList());
    }

    [Fact]
    public async Task Duplicate_at_n_sends_message_n_twice_in_a_row()
    {
        var (messages, _) = await ReplayAsync("duplicate:at=5");

        var expected = Enumerable.Range(1, Feed.Count).SelectMany(n => n == 5 ? new[] { Recorded(n), Recorded(n) } : [Recorded(n)]).ToList();
        Assert.Equal(expected, messages);
    }

    [Fact]
    public async Task Reorder_shuffles_exactly_the_window_starting_at_n()
    {
        var (messages, _) = await ReplayAsync("reorder:at=10,window=5,seed=3");

        Assert.Equal(Feed.Count, messages.Count);
        for (var n = 1; n <= Feed.Count; n++)
        {
            if (n is < 10 or > 14)
                Assert.Equal(Recorded(n), messages[n - 1]);
        }
        var window = messages.Skip(9).Take(5).ToList();
        var original = Enumerable.Range(10, 5).Select(Recorded).ToList();
        Assert.Equal(original.Order(), window.Order());
        Assert.NotEqual(original, window);
    }

    [Fact]
    public async Task Corrupt_replaces_the_given_number_of_ascii_bytes_in_every_kth_message()
    {
        var (messages, close) = await ReplayAsync("corrupt:every=50,bytes=3");

        Assert.Equal(WebSocketCloseCode.NormalClosure, close.Code);
        Assert.Equal(Feed.Count, messages.Count);
        for (var n = 1; n <= Feed.Count; n++)
        {
            var recorded = Recorded(n);
            if (n % 50 != 0)
            {
                Assert.Equal(recorded, messages[n - 1]);
                continue;
            }
            var received = messages[n - 1];
            Assert.Equal(recorded.Length, received.Length);
            var changed = Enumerable.Range(0, recorded.Length).Where(i => recorded[i] != received[i]).ToList();
            Assert.Equal(3, changed.Count);
            Assert.All(changed, i => Assert.InRange(received[i], '!', '~'));
        }
    }

    [Fact]
    public async Task Disconnect_after_n_delivers_n_messages_then_drops_the_connection_without_a_close_frame()
    {
        var (messages, close) = await ReplayAsync("disconnect:after=100");

        Assert.Equal(Enumerable.Range(1, 100).Select(Recorded), messages);
        Assert.Equal(WebSocketCloseCode.AbnormalClosure, close.Code);
    }

    [Fact]
    public async Task Disconnect_with_a_code_closes_with_that_code()
    {
        var (messages, close) = await ReplayAsync("disconnect:after=10,code=1001");

        Assert.Equal(10, messages.Count);
        Assert.Equal(WebSocketCloseCode.GoingAway, close.Code);
        Assert.True(close.ClosedByPeer);
    }

    [Fact]
    public async Task Truncate_after_n_delivers_n_messages_then_half_a_frame_and_drops_the_connection()
    {
        var (messages, close) = await ReplayAsync("truncate:after=20");

        Assert.Equal(Enumerable.Range(1, 20).Select(Recorded), messages);
        Assert.Equal(WebSocketCloseCode.AbnormalClosure, close.Code);
    }

    [Fact]
    public async Task Stall_at_n_holds_message_n_for_the_duration_and_loses_nothing()
    {
        await using var replayer = Replayer.Start(Feed, Options("stall:at=50,for=1s"));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams));
        await client.WaitClosedAsync(Timeout);

        var received = client.Messages;
        Assert.Equal(Enumerable.Range(1, Feed.Count).Select(Recorded), received.Select(m => m.Text));
        // A late receive of message 49 (a loaded machine) can only shorten the gap seen, hence half the stall.
        var gap = (double)(received[49].ReceiveTimestamp - received[48].ReceiveTimestamp) / Stopwatch.Frequency;
        Assert.True(gap >= 0.5, $"message 50 came {gap * 1000:0} ms after message 49; the stall was 1 s");
    }

    [Fact]
    public async Task Faults_apply_to_each_connection_separately()
    {
        await using var replayer = Replayer.Start(Feed, Options("disconnect:after=30"));
        await using var first = await CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams));
        await first.WaitClosedAsync(Timeout);
        await using var second = await CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams));
        await second.WaitClosedAsync(Timeout);

        Assert.Equal(30, first.Messages.Count);
        Assert.Equal(30, second.Messages.Count);
        Assert.Equal(2, replayer.Statistics.FaultsInjected[FaultKind.Disconnect]);
    }

    [Fact]
    public async Task Message_numbers_count_only_the_subscribed_messages()
    {
        await using var replayer = Replayer.Start(Feed, Options("drop:at=3"));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/stream?streams=btcusdt@trade"));
        await client.WaitClosedAsync(Timeout);

        var trades = Enumerable.Range(0, Feed.Count).Where(i => Feed.Keys[Feed.KeyId(i)].Channel == "trade")
            .Select(i => System.Text.Encoding.UTF8.GetString(Feed.Payload(i).Span)).ToList();
        trades.RemoveAt(2);
        Assert.Equal(trades, client.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Refuse_turns_away_the_next_k_connections_with_503_then_accepts()
    {
        await using var replayer = Replayer.Start(Feed, Options("refuse:count=2"));

        for (var i = 0; i < 2; i++)
        {
            var refused = await Assert.ThrowsAsync<WebSocketHandshakeException>(() => CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams)));
            Assert.Equal(503, refused.StatusCode);
        }
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams));
        await client.WaitClosedAsync(Timeout);
        Assert.Equal(Feed.Count, client.Messages.Count);
        Assert.Equal(2, replayer.Statistics.ConnectionsRefused);
    }

    [Fact]
    public async Task Refuse_with_status_zero_closes_the_connection_unanswered()
    {
        await using var replayer = Replayer.Start(Feed, Options("refuse:count=1,status=0"));

        var refused = await Record.ExceptionAsync(() => CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams)));

        Assert.True(refused is WebSocketHandshakeException { StatusCode: 0 } or IOException or System.Net.Sockets.SocketException, refused?.ToString());
    }

    [Fact]
    public async Task Rest_fault_answers_the_first_k_requests_with_the_status_and_retry_after()
    {
        await using var replayer = Replayer.Start(Feed, Options("rest:status=429,count=2"));
        using var http = new HttpClient();
        var url = replayer.RestUrlOf("/api/v3/depth?symbol=BTCUSDT&limit=5");

        var first = await http.GetAsync(url);
        var second = await http.GetAsync(url);
        var third = await http.GetAsync(url);

        Assert.Equal(429, (int)first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal(2, replayer.Statistics.FaultsInjected[FaultKind.Rest]);
    }

    [Fact]
    public async Task Rest_fault_with_a_path_hits_every_kth_request_to_that_path_only()
    {
        await using var replayer = Replayer.Start(Feed, Options("rest:status=503,every=2,path=/api/v3/depth"));
        using var http = new HttpClient();

        var depth = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            depth.Add((int)(await http.GetAsync(replayer.RestUrlOf("/api/v3/depth?symbol=BTCUSDT"))).StatusCode);
            Assert.Equal(200, (int)(await http.GetAsync(replayer.RestUrlOf("/api/v3/ticker/bookTicker?symbol=BTCUSDT"))).StatusCode);
        }

        Assert.Equal([200, 503, 200, 503], depth);
    }

    private static ReplayerOptions Options(string fault) => new() { Speed = ReplaySpeed.Max, Faults = [FaultSpec.Parse(fault)] };

    private static async Task<(List<string> Messages, WebSocketCloseInfo Close)> ReplayAsync(string fault)
    {
        await using var replayer = Replayer.Start(Feed, Options(fault));
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl(AllStreams));
        var close = await client.WaitClosedAsync(Timeout);
        return (client.Messages.Select(m => m.Text).ToList(), close);
    }
}
