using LowLatency.Benchmarks.Compare;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.Replay;

/// <summary>
/// <c>replay.serve.throughput</c>: messages per second our replayer serves to one local client at
/// max speed, over recorded Binance spot traffic (hftbacktest BTCUSDT, depth@100ms + bookTicker +
/// trade, looped). No peer: tardis-machine publishes about 700k msg/s; the target is 2M msg/s on
/// 2 cores.
/// </summary>
/// <remarks>
/// The client is <see cref="FrameCountingClient"/> (a blocking socket and our frame-header reader),
/// so the figure is the replayer's. Each round opens a fresh connection and times its frames from
/// the first to the last; the replayer, its pre-encoded feed and the client's receive buffer are
/// set up once, so the allocation figure is the connection's set-up spread over the round.
/// </remarks>
public sealed class ReplayServeThroughputScenario : ICompareScenario
{
    private readonly byte[] _receiveBuffer = new byte[1 << 18];
    private Replayer? _replayer;
    private long _messages;

    /// <inheritdoc />
    public string Name => "replay.serve.throughput";

    /// <inheritdoc />
    public string Unit => "msg/s";

    /// <inheritdoc />
    public bool HigherIsBetter => true;

    /// <inheritdoc />
    public string? Peer => null;

    /// <inheritdoc />
    public void Setup(CompareContext context)
    {
        var feed = RecordedFeed.Load("binance", context.Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz"));
        _replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, Loop = true });
        _messages = context.Size(2_000_000, 10_000_000);
    }

    /// <inheritdoc />
    public RoundResult RunOurs()
    {
        using var client = FrameCountingClient.Connect(_replayer!.WebSocketUrl("/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade"), _receiveBuffer);
        var seconds = client.CountFrames(_messages);
        return new RoundResult(_messages / seconds, _messages);
    }

    /// <inheritdoc />
    public RoundResult RunPeer() => throw new NotSupportedException("replay.serve.throughput has no peer.");

    /// <inheritdoc />
    public void Cleanup()
    {
        _replayer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _replayer = null;
    }
}
