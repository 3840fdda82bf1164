namespace LowLatency.Rest.Lane;

/// <summary>A submitted request on its way through the lane: its completion, tokens and attempt count.</summary>
internal sealed class PendingRequest
{
    private readonly TaskCompletionSource<RestResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource? _linked;
    private readonly CancellationTokenRegistration _callerRegistration;

    public PendingRequest(RestRequest request, string endpoint, CancellationToken callerToken, CancellationToken shutdownToken)
    {
        Request = request;
        Endpoint = endpoint;
        CallerToken = callerToken;
        if (callerToken.CanBeCanceled)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, shutdownToken);
            Token = _linked.Token;
            // A caller giving up while the request is still queued must not wait for a worker to notice.
            _callerRegistration = callerToken.UnsafeRegister(static (state, token) => ((PendingRequest)state!)._completion.TrySetCanceled(token), this);
        }
        else
        {
            Token = shutdownToken;
        }
    }

    public RestRequest Request { get; }

    /// <summary>Path and redacted query: safe for logs and errors.</summary>
    public string Endpoint { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Cancelled when the caller gives up or the lane shuts down.</summary>
    public CancellationToken Token { get; }

    public int Attempts { get; set; }

    public Task<RestResponse> Task => _completion.Task;

    public bool IsCompleted => _completion.Task.IsCompleted;

    public bool TryComplete(RestResponse response) => _completion.TrySetResult(response);

    public bool TryFail(Exception error) => _completion.TrySetException(error);

    public bool TryCancel() => _completion.TrySetCanceled(CallerToken.IsCancellationRequested ? CallerToken : Token);

    /// <summary>Frees the caller registration and linked token once the request is finished or dropped.</summary>
    public void Release()
    {
        _callerRegistration.Dispose();
        _linked?.Dispose();
    }
}
