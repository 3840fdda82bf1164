using System.Net.Sockets;
using LowLatency.Cli.Commands.Replayer;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Feed;
using ReplayServer = LowLatency.Replay.Server.Replayer;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency replayer --file PATH [--format F] --exchange NAME [--port P] [--speed realtime|xN|max]
/// [--loop] [--start S] [--at-end close|open] [--fault SPEC]...</c>: the exchange on loopback. Prints the
/// URL it listens on, serves every client until Ctrl+C, then prints what it sent.
/// </summary>
/// <remarks>
/// <para>Fault specs (<c>--fault</c>, repeatable) are <c>KIND[:KEY=VALUE,...]</c>, e.g.
/// <c>disconnect:after=1000</c>, <c>drop:every=500,seed=7</c>, <c>stall:at=200,for=2s</c>,
/// <c>reorder:at=10,window=5</c>, <c>corrupt:every=100,bytes=2</c>, <c>truncate:after=50</c>,
/// <c>duplicate:rate=0.01</c>, <c>refuse:count=3</c>, <c>rest:status=429,count=2</c>; see
/// <see cref="LowLatency.Replay.Faults.FaultSpec"/> for every key.</para>
/// <para>Exit codes: 0 after Ctrl+C, 1 when the capture cannot be read or the port bound, 2 for bad arguments.</para>
/// </remarks>
public sealed class ReplayerCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "replayer";

    /// <inheritdoc />
    public string Usage =>
        "replayer --file PATH [--format hbt|cryptofeed|lines] --exchange binance|bybit|kraken|kucoin|okx [--port P] [--speed realtime|xN|max] [--loop] " +
        "[--start SECONDS] [--at-end close|open] [--fault KIND:KEY=VALUE,...]...   serve a capture as the exchange on loopback " +
        "(faults: disconnect:after=N, stall:at=N,for=2s, duplicate|drop|corrupt|reorder:every=K|at=N|rate=P[,seed=S], truncate:after=N, refuse:count=K, rest:status=429[,count=K])";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = ReplayerArguments.Parse(args, out var problem);
        if (arguments is null)
        {
            error.WriteLine($"lowlatency replayer: {problem}. Usage: lowlatency {Usage}");
            return 2;
        }
        RecordedFeed feed;
        try
        {
            feed = RecordedFeed.Load(arguments.Exchange, arguments.Files, arguments.Format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CaptureFormatException or NotSupportedException)
        {
            error.WriteLine($"lowlatency replayer: cannot load the capture: {ex.Message}");
            return 1;
        }
        ReplayServer replayer;
        try
        {
            replayer = ReplayServer.Start(feed, arguments.Options);
        }
        catch (SocketException ex)
        {
            error.WriteLine($"lowlatency replayer: cannot listen on port {arguments.Options.Port}: {ex.Message}");
            return 1;
        }
        await using (replayer.ConfigureAwait(false))
        {
            output.WriteLine($"replaying {feed.Count} {feed.Exchange} messages ({feed.Keys.Count} streams, {feed.RestResponses.Count} REST responses) from {feed.Source}");
            output.WriteLine($"listening {replayer.Url} (REST {replayer.RestUrl}), speed {arguments.Options.Speed}{(arguments.Options.Loop ? ", looping" : string.Empty)}" +
                             (arguments.Options.Faults.Count == 0 ? string.Empty : ", faults " + string.Join(" ", arguments.Options.Faults)));
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving and report.
            }
        }
        output.WriteLine("sent: " + replayer.Statistics);
        return 0;
    }
}
