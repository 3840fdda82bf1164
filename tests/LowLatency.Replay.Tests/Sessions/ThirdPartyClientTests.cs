using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Sessions;

/// <summary>
/// A third-party client (Python <c>websockets</c>; Node <c>ws</c> for Binance too) speaks each
/// exchange's session as its documentation says and must receive exactly the recorded messages
/// of its subscription, byte for byte, in order; the script reads the expected messages from the
/// capture itself.
/// </summary>
public sealed class ThirdPartyClientTests
{
    private const string Script = "replay_client.py";
    private static readonly ReplayerOptions MaxSpeed = new() { Speed = ReplaySpeed.Max };

    [Fact]
    public async Task Binance_combined_stream_client_subscribing_with_SUBSCRIBE_receives_its_streams_exactly()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "binance", replayer.WebSocketUrl("/stream").ToString(), TestPaths.BinanceSpotHbt,
            "--streams", "btcusdt@depth@100ms,btcusdt@trade", "--subscribe");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("OK 13208", outcome.Stdout);
    }

    [Fact]
    public async Task Binance_node_ws_client_subscribing_with_SUBSCRIBE_receives_its_streams_exactly()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        var outcome = await PeerClient.RunNodeAsync("replay-client.js", replayer.WebSocketUrl("/stream").ToString(), TestPaths.BinanceSpotHbt,
            "btcusdt@bookTicker,btcusdt@trade");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("OK 37797", outcome.Stdout);
    }

    [Fact]
    public async Task Binance_raw_stream_client_receives_unwrapped_payloads_exactly()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "binance", replayer.WebSocketUrl("/ws/btcusdt@bookTicker").ToString(), TestPaths.BinanceSpotHbt,
            "--streams", "btcusdt@bookTicker", "--raw");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("OK 28040", outcome.Stdout);
    }

    [Fact]
    public async Task Binance_cryptofeed_capture_serves_one_symbol_of_four_exactly()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceCryptofeed, MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "binance", replayer.WebSocketUrl("/stream?streams=nknusdt@depth@100ms/nknusdt@bookTicker").ToString(),
            TestPaths.BinanceCryptofeed, "--streams", "nknusdt@depth@100ms,nknusdt@bookTicker");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task Kraken_v2_client_gets_status_pong_ack_and_the_book_messages_exactly()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", TestPaths.KrakenV2), MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "kraken", replayer.WebSocketUrl("/v2").ToString(), TestPaths.KrakenV2,
            "--channel", "book", "--symbols", "BTC/USD");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("OK 510", outcome.Stdout);
    }

    [Fact]
    public async Task Bybit_v5_client_gets_pong_ack_and_its_topics_exactly()
    {
        var capture = TestPaths.Fixture("bybit/cryptofeed-l1/BYBIT.ws.1.0");
        await using var replayer = Replayer.Start(RecordedFeed.Load("bybit", capture), MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "bybit", replayer.WebSocketUrl("/v5/public/linear").ToString(), capture,
            "--topics", "orderbook.1.BANDUSDT,orderbook.1.AIOZUSDT");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task KuCoin_client_takes_the_bullet_token_then_gets_welcome_pong_ack_and_its_topics_exactly()
    {
        var capture = TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0");
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", capture), MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "kucoin", replayer.RestUrl.ToString(), capture, "--topic", "/market/ticker:SNX-BTC,BCHSV-USDT");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task Okx_client_gets_pong_an_ack_per_argument_and_its_channels_exactly()
    {
        var capture = TestPaths.Fixture("okx/cryptofeed/OKX.ws.1.0");
        await using var replayer = Replayer.Start(RecordedFeed.Load("okx", capture), MaxSpeed);

        var outcome = await PeerClient.RunPythonAsync(Script, "okx", replayer.WebSocketUrl("/ws/v5/public").ToString(), capture,
            "--args", "trades:BTC-USDT,books:UNI-USD-SWAP");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }
}
