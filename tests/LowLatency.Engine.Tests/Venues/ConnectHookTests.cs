using LowLatency.Engine.Tests.Support;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Exchanges;
using LowLatency.Rest.Lane;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Server;

namespace LowLatency.Engine.Tests.Venues;

public sealed class ConnectHookTests
{
    // The shape of KuCoin's documented POST /api/v1/bullet-public answer.
    private const string BulletAnswer = """
        {"code":"200000","data":{"token":"TOKEN_N","instanceServers":[{"endpoint":"wss://ws-api-spot.kucoin.com/","encrypt":true,"protocol":"websocket","pingInterval":18000,"pingTimeout":10000}]}}
        """;

    [Fact]
    public void KuCoin_bullet_answer_gives_the_instance_server_with_its_token_and_ping_interval()
    {
        var plan = KuCoinBulletHook.Plan(System.Text.Encoding.UTF8.GetBytes(BulletAnswer.Replace("TOKEN_N", "abc", StringComparison.Ordinal)), "c1");

        Assert.Equal("wss://ws-api-spot.kucoin.com/?token=abc&connectId=c1", plan.Uri.ToString());
        Assert.Equal(TimeSpan.FromSeconds(18), plan.KeepAlive.ApplicationPingInterval);
        Assert.Equal(TimeSpan.FromSeconds(28), plan.KeepAlive.DataTimeout);
        Assert.NotNull(plan.KeepAlive.ApplicationPing);
    }

    [Fact]
    public void KuCoin_bullet_error_answer_is_refused_with_its_code()
    {
        var error = Assert.Throws<FormatException>(() => KuCoinBulletHook.Plan("""{"code":"400100","msg":"bad"}"""u8, "c1"));

        Assert.Contains("400100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KuCoin_hook_fetches_a_new_token_for_every_connection_attempt()
    {
        int tokens = 0;
        await using var server = new LoopbackHttp(_ => BulletAnswer.Replace("TOKEN_N", "t" + Interlocked.Increment(ref tokens), StringComparison.Ordinal));
        await using var lane = new RestLane(new RestLaneOptions { Exchange = "kucoin", BaseAddress = server.Url });
        var hook = new KuCoinBulletHook(lane);

        var first = await hook.PrepareAsync(CancellationToken.None);
        var second = await hook.PrepareAsync(CancellationToken.None);

        Assert.Contains("token=t1&", first.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("token=t2&", second.Uri.Query, StringComparison.Ordinal);
        Assert.Equal(["POST /api/v1/bullet-public", "POST /api/v1/bullet-public"], server.Requests);
    }

    [Theory]
    [InlineData("kraken", """{"method":"ping"}""", 30)]
    [InlineData("bybit-linear", """{"op":"ping"}""", 20)]
    public async Task Venues_with_their_own_ping_send_it_as_text(string venue, string ping, int intervalSeconds)
    {
        var definition = ExchangeCatalog.Get(venue);
        var options = PolicyConnectHook.KeepAliveFor(definition.KeepAlive, definition.KeepAlive.PingInterval, definition.KeepAlive.ApplicationPing);
        await using var listener = new WebSocketListener();
        var accepting = AcceptAsync(listener);
        await using var client = await WebSocketClient.ConnectAsync(listener.Url);
        var (server, collector) = await accepting;
        await using (server)
        {
            await options.ApplicationPing!(client, CancellationToken.None);
            await Eventually.TrueAsync(() => !collector.Messages.IsEmpty, "the ping at the server");
        }

        Assert.Equal(TimeSpan.FromSeconds(intervalSeconds), options.ApplicationPingInterval);
        Assert.Null(options.PingInterval);
        Assert.Equal(ping, Assert.Single(collector.Messages));
    }

    [Fact]
    public void Binance_sends_no_ping_of_its_own_and_only_watches_for_silence()
    {
        var policy = ExchangeCatalog.Get("binance-spot").KeepAlive;

        var options = PolicyConnectHook.KeepAliveFor(policy, policy.PingInterval, policy.ApplicationPing);

        Assert.True(policy.ServerPings);
        Assert.Null(options.ApplicationPing);
        Assert.Null(options.PingInterval);
        Assert.Equal(policy.SilenceTimeout, options.DataTimeout);
    }

    private static async Task<(WebSocketConnection, TextCollector)> AcceptAsync(WebSocketListener listener)
    {
        var request = await listener.AcceptAsync();
        var connection = await request.AcceptWebSocketAsync();
        var collector = new TextCollector();
        connection.StartReceiving(collector);
        return (connection, collector);
    }
}
