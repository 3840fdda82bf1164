using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Server;

public sealed class ReplayerBinanceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Combined_stream_client_receives_every_recorded_message_byte_for_byte_in_order()
    {
        var feed = SharedFeeds.BinanceSpot;
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max });
        await using var client = await CollectingClient.ConnectAsync(replayer.WebSocketUrl("/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade"));

        var close = await client.WaitClosedAsync(Timeout);

        Assert.Equal(LowLatency.WebSockets.WebSocketCloseCode.NormalClosure, close.Code);
        var received = client.Messages;
        Assert.Equal(feed.Count, received.Count);
        for (var i = 0; i < feed.Count; i++)
            Assert.True(feed.Payload(i).Span.SequenceEqual(received[i].Payload), $"message {i} differs");
    }
}
