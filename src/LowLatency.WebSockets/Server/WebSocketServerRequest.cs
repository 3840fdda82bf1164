using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Handshake;

namespace LowLatency.WebSockets.Server;

/// <summary>
/// One accepted client's HTTP/1.1 request, not yet answered: the application inspects it and
/// either upgrades it (<see cref="AcceptWebSocketAsync"/>) or answers plain HTTP (<see cref="RespondAsync"/>).
/// </summary>
/// <remarks>Exactly one of the two must be called; disposing without either drops the connection.</remarks>
public sealed class WebSocketServerRequest : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Pipe _pipe;
    private readonly HttpHead _head;
    private int _answered;

    internal WebSocketServerRequest(Socket socket, Stream stream, Pipe pipe, HttpHead head, string method, string target, byte[] body, IPEndPoint remoteEndPoint)
    {
        _socket = socket;
        _stream = stream;
        _pipe = pipe;
        _head = head;
        Method = method;
        Target = target;
        Body = body;
        RemoteEndPoint = remoteEndPoint;
        int query = target.IndexOf('?', StringComparison.Ordinal);
        Path = query < 0 ? target : target[..query];
        Query = query < 0 ? string.Empty : target[(query + 1)..];
    }

    /// <summary>The request method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The request target as sent: path and query string, e.g. <c>/ws?streams=btcusdt@trade</c>.</summary>
    public string Target { get; }

    /// <summary>The path part of <see cref="Target"/>.</summary>
    public string Path { get; }

    /// <summary>The query string without its <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>Header fields in arrival order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _head.Headers;

    /// <summary>The request body (per <c>Content-Length</c>), empty when none.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The client's address.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>True for a GET carrying <c>Upgrade: websocket</c> (whether or not the rest of the handshake is valid).</summary>
    public bool IsWebSocketUpgrade =>
        Method == "GET" && _head.HeaderContainsToken("Upgrade", "websocket");

    /// <summary>All values of a header (case-insensitive name), joined with <c>", "</c>; null when absent.</summary>
    public string? GetHeader(string name) => _head.GetHeader(name);

    /// <summary>
    /// Validates the upgrade (RFC 6455 §4.2.1), answers 101 (negotiating permessage-deflate when
    /// enabled and offered) and returns the server-side connection. An invalid upgrade is answered
    /// 400 (426 for a wrong version) and raises <see cref="WebSocketHandshakeException"/>.
    /// </summary>
    public async Task<WebSocketConnection> AcceptWebSocketAsync(WebSocketAcceptOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WebSocketAcceptOptions();
        MarkAnswered();
        string? problem = ValidateUpgrade(out int status);
        if (problem is not null)
        {
            var extra = status == 426 ? new[] { new KeyValuePair<string, string>("Sec-WebSocket-Version", "13") } : [];
            await WriteResponseAsync(status, status == 426 ? "Upgrade Required" : "Bad Request", extra, Encoding.UTF8.GetBytes(problem), "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
            Drop();
            throw new WebSocketHandshakeException("Refused the upgrade: " + problem, status);
        }
        PerMessageDeflateParameters? deflate = null;
        string? extensionAnswer = null;
        if (options.EnablePerMessageDeflate)
            deflate = PerMessageDeflateParameters.Negotiate(GetHeader("Sec-WebSocket-Extensions"), out extensionAnswer);

        var head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        head.Append("Sec-WebSocket-Accept: ").Append(WebSocketAcceptKey.ComputeAccept(GetHeader("Sec-WebSocket-Key")!)).Append("\r\n");
        if (extensionAnswer is not null)
            head.Append("Sec-WebSocket-Extensions: ").Append(extensionAnswer).Append("\r\n");
        AppendHeaders(head, options.ResponseHeaders);
        head.Append("\r\n");
        try
        {
            await _stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Drop();
            throw;
        }
        return new WebSocketConnection(_socket, _stream, _pipe, WebSocketRole.Server, options.MaxMessageSize, deflate, options.KeepAlive, RemoteEndPoint.ToString());
    }

    /// <summary>Answers plain HTTP (status, headers, body) and closes the connection (<c>Connection: close</c>).</summary>
    public async Task RespondAsync(int statusCode, string reasonPhrase, ReadOnlyMemory<byte> body, string contentType = "application/json",
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        MarkAnswered();
        try
        {
            await WriteResponseAsync(statusCode, reasonPhrase, headers ?? [], body, contentType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Drop();
        }
    }

    /// <summary>Drops the connection if the request was never answered.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
            Drop();
        return ValueTask.CompletedTask;
    }

    private string? ValidateUpgrade(out int status)
    {
        status = 400;
        if (Method != "GET")
            return $"the upgrade must be a GET, got {Method} (RFC 6455 §4.2.1)";
        if (!_head.HeaderContainsToken("Upgrade", "websocket"))
            return $"'Upgrade: {GetHeader("Upgrade")}' must contain 'websocket' (RFC 6455 §4.2.1)";
        if (!_head.HeaderContainsToken("Connection", "Upgrade"))
            return $"'Connection: {GetHeader("Connection")}' must contain 'Upgrade' (RFC 6455 §4.2.1)";
        if (GetHeader("Host") is null)
            return "the Host header is missing (RFC 6455 §4.2.1)";
        if (!WebSocketAcceptKey.IsValidKey(GetHeader("Sec-WebSocket-Key")))
            return $"'Sec-WebSocket-Key: {GetHeader("Sec-WebSocket-Key")}' is not base64 of 16 bytes (RFC 6455 §4.2.1)";
        if (GetHeader("Sec-WebSocket-Version") != "13")
        {
            status = 426;
            return $"'Sec-WebSocket-Version: {GetHeader("Sec-WebSocket-Version")}' is not supported; only 13 is (RFC 6455 §4.4)";
        }
        return null;
    }

    private async Task WriteResponseAsync(int statusCode, string reasonPhrase, IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(statusCode).Append(' ').Append(reasonPhrase).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\nConnection: close\r\n");
        AppendHeaders(head, headers);
        head.Append("\r\n");
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (!body.IsEmpty)
            await _stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AppendHeaders(StringBuilder head, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key.AsSpan().IndexOfAny("\r\n:") >= 0 || header.Value.AsSpan().IndexOfAny("\r\n") >= 0)
                throw new ArgumentException($"Response header '{header.Key}' contains a line break or a colon in its name.", nameof(headers));
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }
    }

    private void MarkAnswered()
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
            throw new InvalidOperationException($"The request {Method} {Target} was already answered.");
    }

    private void Drop()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client is gone already.
        }
        _stream.Dispose();
        _socket.Dispose();
        _pipe.Reader.Complete();
        _pipe.Writer.Complete();
    }
}
