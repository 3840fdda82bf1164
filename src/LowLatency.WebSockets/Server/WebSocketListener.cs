using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using LowLatency.WebSockets.Handshake;

namespace LowLatency.WebSockets.Server;

/// <summary>
/// Accepts TCP (optionally TLS) connections and parses each HTTP/1.1 request head, handing it to
/// the application as a <see cref="WebSocketServerRequest"/> before anything is answered.
/// </summary>
/// <remarks>
/// The application decides per request: upgrade to a WebSocket, or answer plain HTTP on the same
/// port (the replayer serves its REST stub this way). A client that sends garbage or nothing is
/// answered 400 or dropped and never reaches the application, so an accept loop needs no
/// try/catch per client.
/// </remarks>
public sealed class WebSocketListener : IAsyncDisposable
{
    private readonly WebSocketListenerOptions _options;
    private readonly Socket _socket;

    /// <summary>Binds and starts listening at once, so <see cref="Port"/> is known on return.</summary>
    public WebSocketListener(WebSocketListenerOptions? options = null)
    {
        _options = options ?? new WebSocketListenerOptions();
        _socket = new Socket(_options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(_options.Address, _options.Port));
            _socket.Listen(_options.Backlog);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The bound port (the OS's choice when the options said 0).</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>True when serving wss.</summary>
    public bool IsSecure => _options.ServerCertificate is not null;

    /// <summary>
    /// The URL clients use, e.g. <c>ws://127.0.0.1:41234/</c>; on loopback with TLS the host is
    /// <c>localhost</c>, the name a test certificate carries.
    /// </summary>
    public Uri Url => IsSecure && IPAddress.IsLoopback(LocalEndPoint.Address)
        ? new Uri($"wss://localhost:{Port}/")
        : new Uri($"{(IsSecure ? "wss" : "ws")}://{LocalEndPoint}/");

    /// <summary>Waits for the next client whose request head arrived whole.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The listener was disposed.</exception>
    public async Task<WebSocketServerRequest> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Socket client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            WebSocketServerRequest? request = await TryReadRequestAsync(client, cancellationToken).ConfigureAwait(false);
            if (request is not null)
                return request;
        }
    }

    /// <summary>Stops listening; connections already accepted stay open.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<WebSocketServerRequest?> TryReadRequestAsync(Socket client, CancellationToken cancellationToken)
    {
        client.NoDelay = _options.NoDelay;
        if (_options.SendBufferSize is { } sendBuffer)
            client.SendBufferSize = sendBuffer;
        Stream stream = new PollingSocketStream(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HandshakeTimeout);
        try
        {
            if (_options.ServerCertificate is { } certificate)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, timeout.Token).ConfigureAwait(false);
            }
            Pipe pipe = HandshakeTransport.CreatePipe();
            HttpHead head = await HandshakeTransport.ReadHeadAsync(stream, pipe, timeout.Token).ConfigureAwait(false);
            string[] start = head.StartLine.Split(' ');
            if (start.Length != 3 || !start[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
                throw new WebSocketHandshakeException($"Malformed request line '{head.StartLine}'.");
            byte[] body = [];
            if (head.GetHeader("Content-Length") is { } lengthText)
            {
                if (!int.TryParse(lengthText, out int length) || length < 0 || length > _options.MaxRequestBodySize)
                    throw new WebSocketHandshakeException($"Content-Length '{lengthText}' is invalid or above {_options.MaxRequestBodySize} bytes.");
                // An empty body (Content-Length: 0, e.g. a bare POST) must not wait for bytes that never come.
                if (length > 0)
                    body = await HandshakeTransport.ReadBodyAsync(stream, pipe, length, timeout.Token).ConfigureAwait(false);
            }
            return new WebSocketServerRequest(client, stream, pipe, head, start[0], start[1], body, (IPEndPoint)client.RemoteEndPoint!);
        }
        catch (WebSocketHandshakeException ex)
        {
            await TryAnswerBadRequestAsync(stream, ex.Message).ConfigureAwait(false);
            Drop(client, stream);
            return null;
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // A client that vanished, timed out or failed TLS: nothing the application can act on.
            Drop(client, stream);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    private static async Task TryAnswerBadRequestAsync(Stream stream, string message)
    {
        try
        {
            byte[] body = Encoding.UTF8.GetBytes(message);
            string head = $"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head)).ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client is gone already.
        }
    }

    private static void Drop(Socket client, Stream stream)
    {
        stream.Dispose();
        client.Dispose();
    }
}
