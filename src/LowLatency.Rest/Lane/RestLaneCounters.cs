namespace LowLatency.Rest.Lane;

/// <summary>The lane's counters, updated with interlocked operations from any worker.</summary>
internal sealed class RestLaneCounters
{
    private readonly long[] _submitted = new long[3];
    private readonly long[] _succeeded = new long[3];
    private readonly long[] _failed = new long[3];
    private long _inFlight;
    private long _tooManyRequests;
    private long _bans;
    private long _serverErrors;
    private long _timeouts;
    private long _transportErrors;
    private long _retries;
    private long _circuitRejections;
    private long _queueRejections;

    public void Submitted(RestPriority priority) => Interlocked.Increment(ref _submitted[(int)priority]);

    public void Succeeded(RestPriority priority) => Interlocked.Increment(ref _succeeded[(int)priority]);

    public void Failed(RestPriority priority) => Interlocked.Increment(ref _failed[(int)priority]);

    public void StartedSending() => Interlocked.Increment(ref _inFlight);

    public void StoppedSending() => Interlocked.Decrement(ref _inFlight);

    public void TooManyRequests() => Interlocked.Increment(ref _tooManyRequests);

    public void Ban() => Interlocked.Increment(ref _bans);

    public void ServerError() => Interlocked.Increment(ref _serverErrors);

    public void Timeout() => Interlocked.Increment(ref _timeouts);

    public void TransportError() => Interlocked.Increment(ref _transportErrors);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void CircuitRejection() => Interlocked.Increment(ref _circuitRejections);

    public void QueueRejection() => Interlocked.Increment(ref _queueRejections);

    public RestLaneStatus Snapshot(string exchange, RestCircuitState circuit, DateTimeOffset? pausedUntil, bool banned, RestRequestQueue queue) => new()
    {
        Exchange = exchange,
        CircuitState = circuit,
        PausedUntil = pausedUntil,
        IsBanned = banned,
        InFlight = Interlocked.Read(ref _inFlight),
        Critical = For(RestPriority.Critical, queue),
        High = For(RestPriority.High, queue),
        Normal = For(RestPriority.Normal, queue),
        TooManyRequests = Interlocked.Read(ref _tooManyRequests),
        Bans = Interlocked.Read(ref _bans),
        ServerErrors = Interlocked.Read(ref _serverErrors),
        Timeouts = Interlocked.Read(ref _timeouts),
        TransportErrors = Interlocked.Read(ref _transportErrors),
        Retries = Interlocked.Read(ref _retries),
        CircuitRejections = Interlocked.Read(ref _circuitRejections),
        QueueRejections = Interlocked.Read(ref _queueRejections),
    };

    private RestPriorityStatus For(RestPriority priority, RestRequestQueue queue)
    {
        int i = (int)priority;
        return new RestPriorityStatus(
            queue.Count(priority),
            Interlocked.Read(ref _submitted[i]),
            Interlocked.Read(ref _succeeded[i]),
            Interlocked.Read(ref _failed[i]));
    }
}
