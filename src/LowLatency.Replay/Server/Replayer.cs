using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LowLatency.Replay.Books;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Protocols;
using LowLatency.Replay.Rest;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Server;

namespace LowLatency.Replay.Server;

/// <summary>
/// An exchange on loopback: a WebSocket server that plays a <see cref="RecordedFeed"/> to any
/// number of clients, each on its own timeline and with only the messages it subscribed to,
/// speaking the exchange's session (subscribe acks, pings, heartbeats), plus the exchange's REST
/// calls (depth snapshots, tokens, tickers, candles) on the same port.
/// </summary>
/// <remarks>
/// <para>Starting one in a test:</para>
/// <code>
/// var feed = RecordedFeed.Load("binance", "tests/fixtures/binance/hftbacktest/spot/btcusdt_20240808.gz");
/// await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max });
/// // ws://127.0.0.1:PORT/stream?streams=btcusdt@depth@100ms, REST at http://127.0.0.1:PORT/api/v3/depth
/// var url = replayer.WebSocketUrl("/stream?streams=btcusdt@depth@100ms");
/// </code>
/// <para>Messages are pre-encoded frames, served in batches of up to
/// <see cref="ReplayerOptions.MaxBatchBytes"/> per socket write. Faults
/// (<see cref="ReplayerOptions.Faults"/>) are deterministic: the same spec and seed give the same
/// positions on every connection and every run.</para>
/// </remarks>
public sealed class Replayer : IAsyncDisposable
{
    private readonly ExchangeProtocol _protocol;
    private readonly WebSocketListener _listener;
    private readonly ReplayerCounters _counters = new();
    private readonly ReplayerFaults _faults;
    private readonly ReplayClock _clock;
    private readonly RecordedBooks _books;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _clients = new();
    private readonly Task _acceptLoop;
    private long _connectionIds;

    private Replayer(RecordedFeed feed, ReplayerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchBytes, 1024, nameof(options));
        Feed = feed;
        Options = options;
        _protocol = ExchangeProtocols.Get(feed.Exchange);
        _faults = new ReplayerFaults(options.Faults);
        _listener = new WebSocketListener(new WebSocketListenerOptions
        {
            Address = options.Address,
            Port = options.Port,
            ServerCertificate = options.ServerCertificate,
        });
        var startIndex = options.StartOffset > TimeSpan.Zero && feed.Count > 0
            ? feed.IndexAtOrAfter(feed.StartTimestampNs + (long)(options.StartOffset.TotalMilliseconds * 1_000_000))
            : 0;
        _clock = new ReplayClock(feed, options.Speed, options.Loop, startIndex, Stopwatch.GetTimestamp());
        _books = new RecordedBooks(feed);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The feed being served.</summary>
    public RecordedFeed Feed { get; }

    /// <summary>The options it runs with.</summary>
    public ReplayerOptions Options { get; }

    /// <summary>The port it listens on.</summary>
    public int Port => _listener.Port;

    /// <summary>The WebSocket base URL, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url => _listener.Url;

    /// <summary>The REST base URL on the same port, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RestUrl => new UriBuilder(Url) { Scheme = _listener.IsSecure ? Uri.UriSchemeHttps : Uri.UriSchemeHttp }.Uri;

    /// <summary>What it has done so far.</summary>
    public ReplayerStatistics Statistics => _counters.Snapshot();

    /// <summary>The replayer's own position in the capture (messages played on its clock): what REST tickers and candles are as of.</summary>
    public int Position => _clock.Position(Stopwatch.GetTimestamp());

    /// <summary>Starts serving <paramref name="feed"/>; the port is bound on return.</summary>
    /// <exception cref="SocketException">The port could not be bound.</exception>
    public static Replayer Start(RecordedFeed feed, ReplayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return new Replayer(feed, options ?? new ReplayerOptions());
    }

    /// <summary>The WebSocket URL of <paramref name="pathAndQuery"/> on this replayer, e.g. <c>/ws/btcusdt@trade</c>.</summary>
    public Uri WebSocketUrl(string pathAndQuery) => new(Url, pathAndQuery);

    /// <summary>The REST URL of <paramref name="pathAndQuery"/> on this replayer, e.g. <c>/api/v3/depth?symbol=BTCUSDT</c>.</summary>
    public Uri RestUrlOf(string pathAndQuery) => new(RestUrl, pathAndQuery);

    /// <summary>Stops listening, drops every connection and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        _stopping.Cancel();
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_clients.Keys).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            WebSocketServerRequest request;
            try
            {
                request = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }
            var client = Task.Run(() => ServeAsync(request));
            _clients.TryAdd(client, 0);
            _ = client.ContinueWith(static (task, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(task, out _), _clients,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(WebSocketServerRequest request)
    {
        await using (request.ConfigureAwait(false))
        {
            try
            {
                if (!request.IsWebSocketUpgrade)
                {
                    await ServeRestAsync(request).ConfigureAwait(false);
                    return;
                }
                if (_faults.TryRefuse(out var status))
                {
                    _counters.ConnectionRefused();
                    if (status != 0)
                    {
                        var answer = RestAnswer.Json(status, "{\"error\":\"connection refused by the replayer's refuse fault\"}");
                        await request.RespondAsync(status, answer.ReasonPhrase, answer.Body, cancellationToken: _stopping.Token).ConfigureAwait(false);
                    }
                    return;
                }
                var id = Interlocked.Increment(ref _connectionIds);
                var context = new SessionContext(Feed, request.Path, request.Query, "replay-" + id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
                if (_protocol.CreateSession(context) is not { } session)
                {
                    var body = Encoding.UTF8.GetBytes($"{{\"error\":\"no {Feed.Exchange} WebSocket endpoint at {request.Path}\"}}");
                    await request.RespondAsync(404, "Not Found", body, cancellationToken: _stopping.Token).ConfigureAwait(false);
                    return;
                }
                var socket = await request.AcceptWebSocketAsync(cancellationToken: _stopping.Token).ConfigureAwait(false);
                _counters.ConnectionAccepted();
                try
                {
                    await new ReplayConnection(Feed, Options, _counters, socket, session, id).RunAsync(_stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    _counters.ConnectionClosed();
                }
            }
            catch (Exception ex) when (ex is WebSocketHandshakeException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // A client that sent a bad upgrade (already answered) or left mid-answer, or the replayer is stopping.
            }
        }
    }

    private async Task ServeRestAsync(WebSocketServerRequest request)
    {
        _counters.RestRequest();
        RestAnswer answer;
        if (_faults.TryFailRest(request.Path, out var status))
        {
            _counters.Fault(FaultKind.Rest);
            answer = RestAnswer.Json(status, $"{{\"error\":\"HTTP {status} from the replayer's rest fault\"}}");
            if (status == 429)
                answer = answer with { Headers = [new("Retry-After", "1")] };
        }
        else
        {
            var rest = new RestRequest(request.Method, request.Path, request.Query, request.Body);
            var context = new RestContext(Feed, Position, Url, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) { Books = _books };
            answer = _protocol.AnswerRest(rest, context)
                ?? RestAnswer.Json(404, $"{{\"error\":\"no {Feed.Exchange} REST endpoint at {request.Method} {request.Path}\"}}");
        }
        await request.RespondAsync(answer.Status, answer.ReasonPhrase, answer.Body, "application/json", answer.Headers, _stopping.Token).ConfigureAwait(false);
    }
}
