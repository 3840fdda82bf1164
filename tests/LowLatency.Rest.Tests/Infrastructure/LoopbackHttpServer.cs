using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (TcpListener, optionally wrapped in an SslStream) that
/// records every request in arrival order and answers with whatever the test's handler returns.
/// Keep-alive, Content-Length bodies only: enough for HttpClient, nothing more.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, CancellationToken, Task<ScriptedResponse>> _handler;
    private readonly X509Certificate2? _certificate;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly Task _acceptLoop;
    private int _sequence;

    public LoopbackHttpServer(
        Func<ReceivedRequest, CancellationToken, Task<ScriptedResponse>> handler,
        X509Certificate2? certificate = null,
        TimeProvider? clock = null)
    {
        _handler = handler;
        _certificate = certificate;
        _clock = clock ?? TimeProvider.System;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public LoopbackHttpServer(Func<ReceivedRequest, ScriptedResponse> handler, TimeProvider? clock = null)
        : this((request, _) => Task.FromResult(handler(request)), certificate: null, clock)
    {
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseAddress => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.OrderBy(r => r.Sequence).ToList();

    public int Count => Volatile.Read(ref _sequence);

    public Task WaitForCountAsync(int count) =>
        Eventually.WaitUntilAsync(() => Count >= count, $"{count} requests to reach the server (have {Count})");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (TcpClient client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }

                await using (stream)
                {
                    var reader = new HttpRequestReader(stream);
                    while (!_stop.IsCancellationRequested)
                    {
                        (string Method, string Target, Dictionary<string, string> Headers, string Body)? parsed = await reader.ReadAsync(_stop.Token);
                        if (parsed is not { } request)
                        {
                            return;
                        }

                        var received = new ReceivedRequest(0, request.Method, request.Target, request.Headers, request.Body, _clock.GetUtcNow());
                        received = received with { Sequence = Interlocked.Increment(ref _sequence) };
                        _received.Enqueue(received);
                        ScriptedResponse response = await _handler(received, _stop.Token);
                        await WriteAsync(stream, response, _stop.Token);
                        if (response.Truncated)
                        {
                            return;
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away (timeout, cancellation, refused certificate) or the server stopped.
        }
    }

    private static async Task WriteAsync(Stream stream, ScriptedResponse response, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {(response.Truncated ? body.Length + 100 : body.Length)}\r\n");
        foreach ((string name, string value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>Reads requests from a keep-alive connection: request line, headers, Content-Length body.</summary>
    private sealed class HttpRequestReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<(string, string, Dictionary<string, string>, string)?> ReadAsync(CancellationToken cancellationToken)
        {
            string? requestLine = await ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(requestLine))
            {
                return null;
            }

            string[] parts = requestLine.Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            int length = headers.TryGetValue("Content-Length", out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
            byte[] body = new byte[length];
            for (int read = 0; read < length;)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return null;
                }

                int take = Math.Min(length - read, _end - _start);
                Array.Copy(_buffer, _start, body, read, take);
                _start += take;
                read += take;
            }

            return (parts[0], parts[1], headers, Encoding.UTF8.GetString(body));
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                char c = (char)_buffer[_start++];
                if (c == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append(c);
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
