using System.Security.Authentication;
using LowLatency.Cli.Commands.Replayer;
using LowLatency.Replay.Recording;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency record URL --subscribe TEXT... --out PATH [--gzip] [--duration S] [--rotate-mb N]</c>:
/// connects, sends the subscribe texts, and records every received text message with its receive
/// time to a native capture (<c>&lt;unix_ns&gt;\t&lt;raw&gt;</c>) that <c>lowlatency replayer</c> plays back.
/// </summary>
/// <remarks>Exit codes: 0 when the duration ends, Ctrl+C is pressed or the server closes normally; 1 for a failure; 2 for bad arguments.</remarks>
public sealed class RecordCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "record";

    /// <inheritdoc />
    public string Usage => "record URL --subscribe TEXT... --out PATH [--gzip] [--duration SECONDS] [--rotate-mb N]   record a feed to a capture file";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = RecordArguments.Parse(args, out var problem);
        if (arguments is null)
        {
            error.WriteLine($"lowlatency record: {problem}. Usage: lowlatency {Usage}");
            return 2;
        }
        CaptureRecorder recorder;
        try
        {
            recorder = new CaptureRecorder(new CaptureRecorderOptions
            {
                Writer = new CaptureWriterOptions { Path = arguments.Out, Gzip = arguments.Gzip, RotateBytes = arguments.RotateBytes },
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"lowlatency record: cannot create '{arguments.Out}': {ex.Message}");
            return 1;
        }
        WebSocketCloseInfo? closed = null;
        await using (recorder.ConfigureAwait(false))
        {
            try
            {
                closed = await RecordAsync(arguments, recorder, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketHandshakeException or AuthenticationException or IOException or TimeoutException
                                           or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                error.WriteLine($"lowlatency record: {arguments.Url}: {ex.Message}");
                return 1;
            }
        }
        output.WriteLine($"recorded {recorder.Written} messages (dropped {recorder.Dropped}) to {string.Join(", ", recorder.Files)}");
        if (closed is { Code: not (WebSocketCloseCode.NormalClosure or WebSocketCloseCode.GoingAway) } abnormal)
        {
            error.WriteLine($"lowlatency record: {arguments.Url} closed {(int)abnormal.Code} {abnormal.Reason}");
            return 1;
        }
        return 0;
    }

    /// <summary>Records until the duration ends, the user stops, or the server closes; returns the server's close, or null when we stopped.</summary>
    private static async Task<WebSocketCloseInfo?> RecordAsync(RecordArguments arguments, CaptureRecorder recorder, CancellationToken cancellationToken)
    {
        await using var connection = await WebSocketClient.ConnectAsync(arguments.Url, cancellationToken: cancellationToken).ConfigureAwait(false);
        connection.StartReceiving(new RecordingHandler<IgnoreMessages>(recorder, default));
        foreach (var text in arguments.Subscribe)
            await connection.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (arguments.Duration is { } duration)
            stop.CancelAfter(duration);
        try
        {
            return await connection.Completion.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await connection.CloseAsync(WebSocketCloseCode.NormalClosure, "recording done", CancellationToken.None).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The recorder is the only consumer; messages go nowhere else.</summary>
    private readonly struct IgnoreMessages : IWebSocketMessageHandler
    {
        public void OnMessage(in WebSocketMessage message)
        {
        }
    }
}
