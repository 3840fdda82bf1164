using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Handshake;

namespace LowLatency.WebSockets.Client;

/// <summary>Opens client connections: DNS, TCP, optional TLS, and the HTTP/1.1 upgrade of RFC 6455 §4.1.</summary>
public static class WebSocketClient
{
    /// <summary>
    /// Connects to a <c>ws://</c> or <c>wss://</c> URL and completes the upgrade. The returned
    /// connection buffers incoming frames until <see cref="WebSocketConnection.StartReceiving{THandler}"/> is called.
    /// </summary>
    /// <exception cref="WebSocketHandshakeException">The server refused or answered the upgrade wrongly (redirects included).</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake failed, e.g. an untrusted certificate.</exception>
    /// <exception cref="SocketException">DNS or TCP connect failed.</exception>
    /// <exception cref="TimeoutException">Everything took longer than <see cref="WebSocketClientOptions.ConnectTimeout"/>.</exception>
    public static async Task<WebSocketConnection> ConnectAsync(Uri uri, WebSocketClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WebSocketClientOptions();
        bool secure = uri.Scheme switch
        {
            "ws" => false,
            "wss" => true,
            _ => throw new ArgumentException($"Unsupported scheme '{uri.Scheme}' in '{uri}': expected ws:// or wss://.", nameof(uri)),
        };
        string host = uri.IdnHost;
        int port = uri.IsDefaultPort ? (secure ? 443 : 80) : uri.Port;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = options.NoDelay };
        Stream? stream = null;
        try
        {
            if (options.ReceiveBufferSize is { } receiveBuffer)
                socket.ReceiveBufferSize = receiveBuffer;
            if (options.SendBufferSize is { } sendBuffer)
                socket.SendBufferSize = sendBuffer;
            await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            stream = new PollingSocketStream(socket);
            if (secure)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(CreateTlsOptions(host, options), timeout.Token).ConfigureAwait(false);
            }
            Pipe pipe = HandshakeTransport.CreatePipe();
            PerMessageDeflateParameters? deflate = await UpgradeAsync(uri, host, port, stream, pipe, options, timeout.Token).ConfigureAwait(false);
            return new WebSocketConnection(socket, stream, pipe, WebSocketRole.Client, options.MaxMessageSize, deflate, options.KeepAlive, $"{host}:{port}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Dispose(socket, stream);
            throw new TimeoutException($"Connecting to {uri} took longer than {options.ConnectTimeout.TotalSeconds:0.###} s (DNS, TCP, TLS and upgrade).");
        }
        catch
        {
            Dispose(socket, stream);
            throw;
        }
    }

    private static SslClientAuthenticationOptions CreateTlsOptions(string host, WebSocketClientOptions options)
    {
        var tls = new SslClientAuthenticationOptions
        {
            // SNI: SslStream sends TargetHost as server_name, and checks the certificate against it.
            TargetHost = host,
            RemoteCertificateValidationCallback = options.RemoteCertificateValidation,
        };
        if (options.TrustedRootCertificates is { Count: > 0 } roots)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }
        return tls;
    }

    private static async Task<PerMessageDeflateParameters?> UpgradeAsync(Uri uri, string host, int port, Stream stream, Pipe pipe,
        WebSocketClientOptions options, CancellationToken cancellationToken)
    {
        string key = WebSocketAcceptKey.NewKey();
        var request = new StringBuilder();
        request.Append("GET ").Append(string.IsNullOrEmpty(uri.PathAndQuery) ? "/" : uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        request.Append("Host: ").Append(uri.IsDefaultPort ? host : $"{host}:{port}").Append("\r\n");
        request.Append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
        request.Append("Sec-WebSocket-Key: ").Append(key).Append("\r\nSec-WebSocket-Version: 13\r\n");
        if (options.PerMessageDeflate is { } offer)
            request.Append("Sec-WebSocket-Extensions: ").Append(offer.ToOffer()).Append("\r\n");
        foreach (KeyValuePair<string, string> header in options.RequestHeaders)
        {
            if (header.Key.AsSpan().IndexOfAny("\r\n:") >= 0 || header.Value.AsSpan().IndexOfAny("\r\n") >= 0)
                throw new ArgumentException($"Request header '{header.Key}' contains a line break or a colon in its name.", nameof(options));
            request.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);

        HttpHead response = await HandshakeTransport.ReadHeadAsync(stream, pipe, cancellationToken).ConfigureAwait(false);
        int status = ParseStatus(response.StartLine, uri);
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            throw new WebSocketHandshakeException(
                $"The server answered '{response.StartLine}' redirecting to '{response.GetHeader("Location") ?? "(no Location)"}'; redirects are refused: connect to the final ws:// or wss:// URL directly.",
                status);
        }
        if (status != 101)
            throw new WebSocketHandshakeException($"The server answered '{response.StartLine}' to the upgrade of {uri}; expected 101 Switching Protocols (RFC 6455 §4.1).", status);
        if (!string.Equals(response.GetHeader("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase))
            throw new WebSocketHandshakeException($"The 101 answer has 'Upgrade: {response.GetHeader("Upgrade")}'; expected 'websocket' (RFC 6455 §4.1).", status);
        if (!response.HeaderContainsToken("Connection", "Upgrade"))
            throw new WebSocketHandshakeException($"The 101 answer has 'Connection: {response.GetHeader("Connection")}'; expected the 'Upgrade' token (RFC 6455 §4.1).", status);
        string expected = WebSocketAcceptKey.ComputeAccept(key);
        string? accept = response.GetHeader("Sec-WebSocket-Accept");
        if (accept != expected)
            throw new WebSocketHandshakeException($"The 101 answer has 'Sec-WebSocket-Accept: {accept}'; expected '{expected}' for our key (RFC 6455 §4.1).", status);

        string? extensions = response.GetHeader("Sec-WebSocket-Extensions");
        if (extensions is null)
            return null;
        if (options.PerMessageDeflate is null)
            throw new WebSocketHandshakeException($"The server answered 'Sec-WebSocket-Extensions: {extensions}' but none was offered (RFC 6455 §9.1).", status);
        return PerMessageDeflateParameters.ParseResponse(extensions, options.PerMessageDeflate, out string? error)
            ?? throw new WebSocketHandshakeException("Bad permessage-deflate answer: " + error + ".", status);
    }

    private static int ParseStatus(string statusLine, Uri uri)
    {
        string[] parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], out int status))
            throw new WebSocketHandshakeException($"The server at {uri} answered '{statusLine}', which is not an HTTP/1.1 status line.");
        return status;
    }

    private static void Dispose(Socket socket, Stream? stream)
    {
        stream?.Dispose();
        socket.Dispose();
    }
}
