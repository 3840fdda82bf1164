using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using LowLatency.Rest.Errors;
using LowLatency.Rest.Logging;
using LowLatency.Rest.Security;
using LowLatency.Rest.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace LowLatency.Rest.Lane;

/// <summary>
/// The REST lane of one exchange: one <see cref="HttpClient"/> over one pooled handler, its own
/// workers, a priority queue (Critical before High before Normal), the exchange's rate limit,
/// 429/418 pauses, a circuit breaker, retries of idempotent requests and request signing.
/// </summary>
/// <remarks>
/// <para>
/// Submitting (<see cref="SendAsync"/>, <see cref="GetAsync"/>) only validates and enqueues, so a
/// market-data thread can submit without blocking; the sending, signing and waiting run on the
/// lane's own workers (thread-pool tasks, never the pinned market-data threads), and completions
/// run asynchronously, never inline on a worker.
/// </para>
/// <para>
/// A worker first waits for rate-limit permits and only then takes the most urgent queued request,
/// so a Critical request that arrives while Normal ones wait for permits still goes first. Each
/// attempt is signed right before it is sent, with a fresh timestamp or nonce.
/// </para>
/// <para>
/// Errors are typed: <see cref="RestHttpException"/>, <see cref="RestRateLimitedException"/>,
/// <see cref="RestCircuitOpenException"/>, <see cref="RestTimeoutException"/>,
/// <see cref="RestQueueFullException"/>, <see cref="RestTransportException"/>; a request cancelled
/// by its caller ends as a cancelled task. Failures are logged (Critical ones as errors) with
/// secrets redacted.
/// </para>
/// </remarks>
/// <example>
/// Fallback market data, then an order that may be retried because it carries a client order id:
/// <code>
/// await using var lane = new RestLane(RestExchangeProfiles.Binance(ExchangeCredentials.FromEnvironment("binance")), logger);
/// RestResponse depth = await lane.GetAsync("/api/v3/depth?symbol=BTCUSDT&amp;limit=100", RestPriority.Normal, ct);
/// var reader = new Utf8JsonReader(depth.Body.Span);
///
/// using var form = QueryStringBuilder.Rent();
/// form.Add("symbol", "BTCUSDT"); form.Add("side", "BUY"); form.Add("type", "MARKET");
/// form.Add("quantity", 0.001m); form.Add("newClientOrderId", clientOrderId);
/// RestResponse placed = await lane.SendAsync(RestRequest.Order(HttpMethod.Post, "/api/v3/order", clientOrderId, body: form.ToString()), ct);
/// </code>
/// </example>
public sealed class RestLane : IAsyncDisposable
{
    private const int TooManyRequestsStatus = 429;

    /// <summary>Binance's "I'm a teapot": the IP is banned after ignoring 429s.</summary>
    private const int BannedStatus = 418;

    private static readonly ResiliencePropertyKey<PendingRequest> PendingKey = new("LowLatency.Rest.PendingRequest");

    private readonly RestLaneOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SecretRedactor _redactor;
    private readonly HttpClient _client;
    private readonly string _baseUrl;
    private readonly RateLimiter? _limiter;
    private readonly RestRequestQueue _queue;
    private readonly RestLanePause _pause;
    private readonly RestCircuitTracker _circuit;
    private readonly RestLaneCounters _counters = new();
    private readonly ResiliencePipeline _attempts;
    private readonly ResiliencePipeline _call;
    private readonly SemaphoreSlim _orderedDelivery = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task[] _workers;
    private int _disposed;

    /// <summary>Creates the lane and starts its workers.</summary>
    /// <param name="options">How to reach the exchange and how to behave (see <see cref="Exchanges.RestExchangeProfiles"/>).</param>
    /// <param name="logger">Where failures, pauses and breaker transitions are logged; nowhere when null.</param>
    public RestLane(RestLaneOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = options.TimeProvider;
        _redactor = options.Redactor;
        _baseUrl = options.BaseAddress.GetLeftPart(UriPartial.Authority);
        _queue = new RestRequestQueue(options.QueueCapacityPerPriority);
        _pause = new RestLanePause(_timeProvider);
        _circuit = new RestCircuitTracker(_timeProvider);
        _attempts = BuildAttemptPipeline();
        _call = BuildCallPipeline();
        _limiter = options.RateLimiterFactory?.Invoke();
        _client = RestHttpClientFactory.Create(options);

        _workers = new Task[options.MaxConcurrency];
        for (int i = 0; i < _workers.Length; i++)
        {
            bool criticalOnly = i < options.ReservedCriticalWorkers;
            _workers[i] = Task.Run(() => RunWorkerAsync(criticalOnly));
        }
    }

    /// <summary>The exchange this lane serves.</summary>
    public string Exchange => _options.Exchange;

    /// <summary>
    /// Queues a request and completes with the exchange's 2xx response, or fails with a typed
    /// <see cref="RestException"/>.
    /// </summary>
    /// <param name="request">The request; it is not changed.</param>
    /// <param name="cancellationToken">Cancels the request while queued or in flight.</param>
    /// <returns>The response; a faulted task carries the typed error.</returns>
    /// <exception cref="ArgumentException">The request breaks the retry contract or has an invalid weight or timeout.</exception>
    /// <exception cref="InvalidOperationException">The request is signed but the lane has no signer.</exception>
    /// <exception cref="ObjectDisposedException">The lane is disposed.</exception>
    public Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        request.Validate();
        if (request.IsSigned && _options.Signer is null)
        {
            throw new InvalidOperationException($"{request} is signed but the {Exchange} lane has no signer: configure credentials (LOWLATENCY_{Exchange.ToUpperInvariant()}_API_KEY and _API_SECRET).");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<RestResponse>(cancellationToken);
        }

        RestPriority priority = request.Priority;
        string endpoint = _redactor.Endpoint(request.Path, request.Query);
        _counters.Submitted(priority);

        if (_pause.BanRemaining is { } ban)
        {
            return Reject(request, endpoint, new RestRateLimitedException(Exchange, endpoint, BannedStatus, ban, isBan: true));
        }

        if (_circuit.OpenRemaining() is { } open)
        {
            _counters.CircuitRejection();
            return Reject(request, endpoint, new RestCircuitOpenException(Exchange, endpoint, open == Timeout.InfiniteTimeSpan ? null : open));
        }

        var pending = new PendingRequest(request, endpoint, cancellationToken, _shutdown.Token);
        if (!_queue.TryEnqueue(pending))
        {
            pending.Release();
            _counters.QueueRejection();
            return Reject(request, endpoint, new RestQueueFullException(Exchange, priority, _queue.CapacityPerPriority));
        }

        // A request queued while DisposeAsync drained the queue would otherwise wait forever.
        if (Volatile.Read(ref _disposed) != 0)
        {
            Fail(pending, Disposed(pending));
        }

        return pending.Task;
    }

    /// <summary>Queues an unsigned GET, the form fallback market data takes.</summary>
    /// <param name="pathAndQuery">The path and optional percent-encoded query, for example <c>/api/v3/depth?symbol=BTCUSDT&amp;limit=100</c>.</param>
    /// <param name="priority">How urgently it is sent.</param>
    /// <param name="cancellationToken">Cancels the request while queued or in flight.</param>
    /// <returns>The response; a faulted task carries the typed error.</returns>
    public Task<RestResponse> GetAsync(string pathAndQuery, RestPriority priority = RestPriority.Normal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        int question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        RestRequest request = question < 0
            ? RestRequest.Get(pathAndQuery, null, priority)
            : RestRequest.Get(pathAndQuery[..question], pathAndQuery[(question + 1)..], priority);
        return SendAsync(request, cancellationToken);
    }

    /// <summary>A snapshot of queues, counts, pauses and the breaker.</summary>
    /// <returns>The lane's status now.</returns>
    public RestLaneStatus GetStatus() =>
        _counters.Snapshot(Exchange, _circuit.State, _pause.PausedUntil, _pause.BanRemaining is not null, _queue);

    /// <summary>
    /// Stops the workers, fails queued requests with <see cref="ObjectDisposedException"/>, cancels
    /// those in flight and releases the connection pool.
    /// </summary>
    /// <returns>A task that completes when the workers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        foreach (PendingRequest failed in _queue.FailAll(p => Disposed(p)))
        {
            _counters.Failed(failed.Request.Priority);
        }

        _client.Dispose();
        _limiter?.Dispose();
        _queue.Dispose();
        _orderedDelivery.Dispose();
        _shutdown.Dispose();
    }

    private async Task RunWorkerAsync(bool criticalOnly)
    {
        CancellationToken stop = _shutdown.Token;
        try
        {
            while (true)
            {
                await _queue.WaitAsync(criticalOnly, stop).ConfigureAwait(false);
                await _pause.WaitAsync(stop).ConfigureAwait(false);
                PendingRequest? head = _queue.PeekLive(criticalOnly);
                if (head is null)
                {
                    continue;
                }

                if (_circuit.OpenRemaining() is { } open)
                {
                    _counters.CircuitRejection();
                    Fail(head, new RestCircuitOpenException(Exchange, head.Endpoint, open == Timeout.InfiniteTimeSpan ? null : open));
                    continue;
                }

                // Permits first, request second: whoever is most urgent once permits are granted goes.
                int leased = head.Request.Weight;
                if (!await TryAcquirePermitsAsync(head, leased, stop).ConfigureAwait(false))
                {
                    continue;
                }

                PendingRequest? next = _queue.TryDequeue(criticalOnly);
                if (next is null)
                {
                    continue;
                }

                if (next.Request.Weight > leased && !await TryAcquirePermitsAsync(next, next.Request.Weight - leased, stop).ConfigureAwait(false))
                {
                    next.Release();
                    continue;
                }

                await ExecuteAsync(next).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The lane is shutting down; DisposeAsync fails what is left in the queue.
        }
    }

    private async ValueTask<bool> TryAcquirePermitsAsync(PendingRequest pending, int permits, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return true;
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException)
        {
            Fail(pending, new ArgumentOutOfRangeException(nameof(RestRequest.Weight), pending.Request.Weight, $"{pending.Request} weighs more than the {Exchange} lane's rate limiter can ever grant at once."));
            return false;
        }

        using (lease)
        {
            if (lease.IsAcquired)
            {
                return true;
            }

            TimeSpan retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : TimeSpan.Zero;
            Fail(pending, new RestRateLimitedException(Exchange, pending.Endpoint, statusCode: null, retryAfter, isBan: false));
            return false;
        }
    }

    private async Task ExecuteAsync(PendingRequest pending)
    {
        RestPriority priority = pending.Request.Priority;
        ResilienceContext context = ResilienceContextPool.Shared.Get(pending.Token);
        context.Properties.Set(PendingKey, pending);
        _counters.StartedSending();
        try
        {
            RestResponse response = await _attempts.ExecuteAsync(
                static (attemptContext, lane) => lane.AttemptAsync(attemptContext), context, this).ConfigureAwait(false);
            if (pending.TryComplete(response))
            {
                _counters.Succeeded(priority);
            }
        }
        catch (Exception exception)
        {
            Exception error = Translate(pending, exception);
            if (error is OperationCanceledException)
            {
                pending.TryCancel();
            }
            else
            {
                Fail(pending, error);
            }
        }
        finally
        {
            _counters.StoppedSending();
            ResilienceContextPool.Shared.Return(context);
            pending.Release();
        }
    }

    private async ValueTask<RestResponse> AttemptAsync(ResilienceContext context)
    {
        PendingRequest pending = context.Properties.GetValue(PendingKey, null!);
        CancellationToken cancellationToken = context.CancellationToken;
        if (pending.Attempts > 0)
        {
            await _pause.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!await TryAcquireRetryPermitsAsync(pending, cancellationToken).ConfigureAwait(false))
            {
                throw new RestRateLimitedException(Exchange, pending.Endpoint, statusCode: null, TimeSpan.Zero, isBan: false);
            }
        }

        // Another worker may have received a 429 while this one waited for permits.
        await _pause.WaitAsync(cancellationToken).ConfigureAwait(false);

        bool ordered = pending.Request.IsSigned && _options.Signer!.RequiresOrderedDelivery;
        if (ordered)
        {
            await _orderedDelivery.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        ResilienceContext callContext = ResilienceContextPool.Shared.Get(cancellationToken);
        callContext.Properties.Set(PendingKey, pending);
        try
        {
            pending.Attempts++;
            return await _call.ExecuteAsync(
                static (sendContext, lane) => lane.SendOnceAsync(sendContext), callContext, this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(callContext);
            if (ordered)
            {
                _orderedDelivery.Release();
            }
        }
    }

    private async ValueTask<bool> TryAcquireRetryPermitsAsync(PendingRequest pending, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return true;
        }

        using RateLimitLease lease = await _limiter.AcquireAsync(pending.Request.Weight, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    private async ValueTask<RestResponse> SendOnceAsync(ResilienceContext context)
    {
        PendingRequest pending = context.Properties.GetValue(PendingKey, null!);
        RestRequest request = pending.Request;
        CancellationToken cancellationToken = context.CancellationToken;
        using HttpRequestMessage message = BuildMessage(request);

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            _counters.TransportError();
            throw new RestTransportException(Exchange, request.Method.Method, pending.Endpoint, DescribeTransportFailure(exception), exception);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            byte[] body = await ReadBodyAsync(pending, response.Content, cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and < 300)
            {
                return new RestResponse(status, body, pending.Attempts, request.Priority);
            }

            if (status is TooManyRequestsStatus or BannedStatus)
            {
                throw RateLimited(pending, response, status);
            }

            if (status >= 500)
            {
                _counters.ServerError();
            }

            throw new RestHttpException(Exchange, request.Method.Method, pending.Endpoint, status, Excerpt(body));
        }
    }

    private HttpRequestMessage BuildMessage(RestRequest request)
    {
        string? query = request.Query;
        string? body = request.Body;
        string? contentType = request.ContentType;
        RestSigningContext? signing = null;
        if (request.IsSigned)
        {
            signing = new RestSigningContext(request.Method, request.Path, query, body, contentType);
            _options.Signer!.Sign(signing);
            query = signing.Query;
            body = signing.Body;
            contentType = signing.ContentType;
        }

        string url = string.IsNullOrEmpty(query) ? _baseUrl + request.Path : _baseUrl + request.Path + "?" + query;
        var message = new HttpRequestMessage(request.Method, new Uri(url, UriKind.Absolute));
        if (body is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
            message.Content = content;
        }

        if (signing is not null)
        {
            foreach (KeyValuePair<string, string> header in signing.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return message;
    }

    private async ValueTask<byte[]> ReadBodyAsync(PendingRequest pending, HttpContent content, CancellationToken cancellationToken)
    {
        int limit = _options.MaxResponseBytes;
        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            _counters.TransportError();
            throw new RestTransportException(Exchange, pending.Request.Method.Method, pending.Endpoint, $"the response declares {declared} bytes, more than the {limit}-byte limit");
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(content.Headers.ContentLength ?? 4096, limit) + 1);
        int length = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        _counters.TransportError();
                        throw new RestTransportException(Exchange, pending.Request.Method.Method, pending.Endpoint, $"the response exceeds the {limit}-byte limit");
                    }
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            _counters.TransportError();
            throw new RestTransportException(Exchange, pending.Request.Method.Method, pending.Endpoint, "the connection failed while the body was read", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private RestRateLimitedException RateLimited(PendingRequest pending, HttpResponseMessage response, int status)
    {
        bool isBan = status == BannedStatus;
        TimeSpan retryAfter = RetryAfter(response.Headers.RetryAfter) ?? (isBan ? _options.DefaultBanPause : _options.DefaultRateLimitPause);
        DateTimeOffset until = _pause.Extend(retryAfter, isBan);
        if (isBan)
        {
            _counters.Ban();
        }
        else
        {
            _counters.TooManyRequests();
        }

        RestLaneLog.RateLimited(_logger, Exchange, status, pending.Endpoint, until, retryAfter.TotalSeconds);
        if (isBan)
        {
            // A ban lasts minutes or more: queued requests fail now instead of waiting unseen.
            foreach (PendingRequest queued in _queue.FailAll(p => new RestRateLimitedException(Exchange, p.Endpoint, status, retryAfter, isBan: true)))
            {
                _counters.Failed(queued.Request.Priority);
            }
        }

        return new RestRateLimitedException(Exchange, pending.Endpoint, status, retryAfter, isBan);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            TimeSpan remaining = date - _timeProvider.GetUtcNow();
            return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
        }

        return null;
    }

    private string Excerpt(byte[] body)
    {
        const int MaxExcerptBytes = 512;
        bool truncated = body.Length > MaxExcerptBytes;
        string text = Encoding.UTF8.GetString(body, 0, truncated ? MaxExcerptBytes : body.Length);
        return _redactor.Redact(truncated ? text + "..." : text);
    }

    private static string DescribeTransportFailure(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Security.Authentication.AuthenticationException)
            {
                return "the TLS handshake failed (the server certificate was not trusted or did not match the host)";
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "the connection could not be established",
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ResponseEnded => "the server closed the connection before the response ended",
            HttpRequestError.InvalidResponse => "the response was not valid HTTP",
            _ => "the HTTP exchange failed (" + exception.HttpRequestError + ")",
        };
    }

    private Exception Translate(PendingRequest pending, Exception exception)
    {
        RestRequest request = pending.Request;
        switch (exception)
        {
            case RestException:
                return exception;
            case TimeoutRejectedException timeout:
                return new RestTimeoutException(Exchange, request.Method.Method, pending.Endpoint, timeout.Timeout, outcomeUnknown: !request.IsIdempotent, timeout);
            case BrokenCircuitException broken:
                _counters.CircuitRejection();
                return new RestCircuitOpenException(Exchange, pending.Endpoint, broken.RetryAfter, broken);
            case OperationCanceledException when !pending.CallerToken.IsCancellationRequested && _shutdown.IsCancellationRequested:
                return Disposed(pending);
            default:
                return exception;
        }
    }

    private ObjectDisposedException Disposed(PendingRequest pending) =>
        new(nameof(RestLane), $"The {Exchange} REST lane was disposed before {pending.Request.Method} {pending.Endpoint} completed"
            + (pending.Request.IsIdempotent || pending.Attempts == 0 ? "." : "; the request is not idempotent and may have been executed."));

    private Task<RestResponse> Reject(RestRequest request, string endpoint, Exception error)
    {
        _counters.Failed(request.Priority);
        Log(request, endpoint, error);
        return Task.FromException<RestResponse>(error);
    }

    private void Fail(PendingRequest pending, Exception error)
    {
        if (pending.IsCompleted)
        {
            return;
        }

        // Logged before the caller sees the failure, so the log never trails the error it explains.
        Log(pending.Request, pending.Endpoint, error);
        if (pending.TryFail(error))
        {
            _counters.Failed(pending.Request.Priority);
        }
    }

    private void Log(RestRequest request, string endpoint, Exception error)
    {
        // Orders fail loudly; other priorities are recoverable by the caller's fallback or retry.
        LogLevel level = request.Priority == RestPriority.Critical ? LogLevel.Error : LogLevel.Warning;
        Exception? cause = error is RestTransportException ? error.InnerException : null;
        RestLaneLog.RequestFailed(_logger, level, Exchange, request.Priority, request.Method.Method, endpoint, error.GetType().Name, error.Message, cause);
    }

    private ResiliencePipeline BuildAttemptPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _timeProvider };
        if (_options.Retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.Retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.Retry.UseJitter,
                Delay = _options.Retry.BaseDelay,
                MaxDelay = _options.Retry.MaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome.Exception)),
                // The lane-wide pause already waits out a 429's Retry-After; no backoff on top of it.
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is RestRateLimitedException ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    _counters.Retry();
                    PendingRequest pending = args.Context.Properties.GetValue(PendingKey, null!);
                    RestLaneLog.Retrying(_logger, Exchange, pending.Request.Method.Method, pending.Endpoint, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.GetType().Name ?? "result");
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private ResiliencePipeline BuildCallPipeline()
    {
        var breaker = _options.CircuitBreaker;
        return new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                StateProvider = _circuit.StateProvider,
                ShouldHandle = static args => ValueTask.FromResult(IsExchangeFailure(args.Outcome.Exception)),
                OnOpened = args =>
                {
                    _circuit.Opened(args.BreakDuration);
                    RestLaneLog.CircuitOpened(_logger, Exchange, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    _circuit.Reset();
                    RestLaneLog.CircuitHalfOpened(_logger, Exchange);
                    return default;
                },
                OnClosed = _ =>
                {
                    _circuit.Reset();
                    RestLaneLog.CircuitClosed(_logger, Exchange);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(PendingKey, null!).Request.Timeout ?? _options.RequestTimeout),
                OnTimeout = _ =>
                {
                    _counters.Timeout();
                    return default;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(ResilienceContext context, Exception? exception)
    {
        if (!context.Properties.GetValue(PendingKey, null!).Request.IsIdempotent)
        {
            return false;
        }

        return IsExchangeFailure(exception) || exception is RestRateLimitedException { IsBan: false, StatusCode: not null };
    }

    /// <summary>Failures that say the exchange (or the path to it) is unhealthy: they retry and count towards the breaker.</summary>
    private static bool IsExchangeFailure(Exception? exception) =>
        exception is RestHttpException { IsServerError: true } or RestTransportException or TimeoutRejectedException;

}
