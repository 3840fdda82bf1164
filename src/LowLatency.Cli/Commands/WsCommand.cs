using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LowLatency.Cli.Commands.Ws;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency ws URL [--send TEXT]... [--count N] [--deflate] [--ca PATH] [--timeout SECONDS]</c>:
/// connects, sends each text, prints each received message on its own line, and ends with
/// <c>closed CODE</c> or <c>timeout</c>.
/// </summary>
/// <remarks>
/// Exit codes: 0 after a normal close (1000/1001) or after <c>--count</c> messages (or Ctrl+C),
/// 1 for a failure (connect, TLS, handshake, abnormal close, timeout), 2 for bad arguments.
/// </remarks>
public sealed class WsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "ws";

    /// <inheritdoc />
    public string Usage => "ws URL [--send TEXT]... [--count N] [--deflate] [--ca PATH] [--timeout SECONDS]   talk to a WebSocket server";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WsArguments? arguments = WsArguments.Parse(args, out string? problem);
        if (arguments is null)
        {
            error.WriteLine($"lowlatency ws: {problem}. Usage: lowlatency {Usage}");
            return 2;
        }
        WebSocketClientOptions options;
        try
        {
            options = new WebSocketClientOptions
            {
                PerMessageDeflate = arguments.Deflate ? new PerMessageDeflateOptions() : null,
                TrustedRootCertificates = arguments.CaPath is null ? null : LoadAuthorities(arguments.CaPath),
            };
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            error.WriteLine($"lowlatency ws: cannot read certificate authorities from '{arguments.CaPath}': {ex.Message}");
            return 1;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (arguments.Timeout is { } limit)
            timeout.CancelAfter(limit);
        try
        {
            return await RunSessionAsync(arguments, options, output, error, timeout.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(arguments, output, error);
        }
        catch (TimeoutException) when (arguments.Timeout is not null)
        {
            return TimedOut(arguments, output, error);
        }
        catch (Exception ex) when (ex is WebSocketHandshakeException or AuthenticationException or IOException or TimeoutException
                                       or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            error.WriteLine($"lowlatency ws: {arguments.Url}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunSessionAsync(WsArguments arguments, WebSocketClientOptions options, TextWriter output, TextWriter error,
        CancellationToken timeout, CancellationToken userStop)
    {
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(arguments.Url, options, timeout).ConfigureAwait(false);
        var handler = new QueueingMessageHandler();
        connection.StartReceiving(handler);
        _ = connection.Completion.ContinueWith(_ => handler.Messages.Writer.TryComplete(), TaskScheduler.Default);
        foreach (string text in arguments.Send)
            await connection.SendTextAsync(text, timeout).ConfigureAwait(false);

        int received = 0;
        try
        {
            await foreach ((WebSocketMessageType type, byte[] payload) in handler.Messages.Reader.ReadAllAsync(timeout).ConfigureAwait(false))
            {
                output.WriteLine(type == WebSocketMessageType.Text ? Encoding.UTF8.GetString(payload) : $"<binary {payload.Length} bytes>");
                if (++received == arguments.Count)
                    break;
            }
        }
        catch (OperationCanceledException) when (userStop.IsCancellationRequested)
        {
            // Ctrl+C: close politely below.
        }

        WebSocketCloseInfo closed = connection.Completion.IsCompleted
            ? await connection.Completion.ConfigureAwait(false)
            : await connection.CloseAsync(WebSocketCloseCode.NormalClosure, "lowlatency ws done", CancellationToken.None).ConfigureAwait(false);
        output.WriteLine($"closed {(int)closed.Code}");
        if (received == arguments.Count || userStop.IsCancellationRequested)
            return 0;
        if (closed.Code is WebSocketCloseCode.NormalClosure or WebSocketCloseCode.GoingAway && closed.Error is null)
            return 0;
        error.WriteLine($"lowlatency ws: connection closed with {(int)closed.Code}: {closed.Reason}");
        return 1;
    }

    private static int TimedOut(WsArguments arguments, TextWriter output, TextWriter error)
    {
        output.WriteLine("timeout");
        error.WriteLine($"lowlatency ws: {arguments.Url}: no close{(arguments.Count is { } n ? $" and fewer than {n} messages" : "")} within {arguments.Timeout!.Value.TotalSeconds:0.###} s");
        return 1;
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        if (authorities.Count == 0)
            throw new CryptographicException("the file holds no PEM certificate");
        return authorities;
    }
}
