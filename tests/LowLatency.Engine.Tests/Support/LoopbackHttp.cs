using System.Collections.Concurrent;
using System.Text;
using LowLatency.WebSockets.Server;

namespace LowLatency.Engine.Tests.Support;

/// <summary>A loopback HTTP server answering every request with what <c>answer</c> returns, recording the requests.</summary>
public sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly WebSocketListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttp(Func<WebSocketServerRequest, string> answer)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                WebSocketServerRequest request;
                try
                {
                    request = await _listener.AcceptAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                await using (request)
                {
                    Requests.Enqueue($"{request.Method} {request.Target}");
                    await request.RespondAsync(200, "OK", Encoding.UTF8.GetBytes(answer(request)), cancellationToken: _stop.Token);
                }
            }
        });
    }

    public Uri Url => new($"http://127.0.0.1:{_listener.Port}/");

    public ConcurrentQueue<string> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listener.DisposeAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
