using System.Buffers.Binary;
using System.Diagnostics;

namespace LowLatency.WebSockets.KeepAlive;

/// <summary>
/// The timer behind <see cref="KeepAliveOptions"/> for one connection: sends protocol and
/// application pings, and aborts the connection when a pong or any data is overdue.
/// </summary>
/// <remarks>
/// It runs on a <see cref="Timer"/> thread, never on the receive thread, and reads the receive
/// thread's timestamps with <see cref="Volatile"/> reads, so the hot path only pays one volatile
/// store per socket read.
/// </remarks>
internal sealed class KeepAliveMonitor : IDisposable
{
    private readonly WebSocketConnection _connection;
    private readonly KeepAliveOptions _options;
    private readonly Timer _timer;
    private readonly CancellationTokenSource _stop = new();
    private long _lastPingSent;
    private long _pingOutstandingSince;
    private long _lastApplicationPing;
    private int _ticking;

    public KeepAliveMonitor(WebSocketConnection connection, KeepAliveOptions options)
    {
        _connection = connection;
        _options = options;
        long now = Stopwatch.GetTimestamp();
        _lastPingSent = now;
        _lastApplicationPing = now;
        _timer = new Timer(static state => ((KeepAliveMonitor)state!).Tick(), this, Period(options), Period(options));
    }

    /// <summary>Called by the connection when a pong arrives (any pong answers the outstanding ping, RFC 6455 §5.5.3).</summary>
    public void OnPong() => Volatile.Write(ref _pingOutstandingSince, 0);

    public void Dispose()
    {
        _timer.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }

    private static TimeSpan Period(KeepAliveOptions options)
    {
        TimeSpan shortest = TimeSpan.FromSeconds(1);
        foreach (TimeSpan? t in new[] { options.PingInterval, options.PingInterval is null ? null : options.PongTimeout, options.DataTimeout,
                     options.ApplicationPing is null ? null : options.ApplicationPingInterval })
        {
            if (t is { } value && value < shortest)
                shortest = value;
        }
        TimeSpan period = shortest / 4;
        return period < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : period;
    }

    private void Tick()
    {
        // A slow send must not let ticks pile up on the timer thread pool.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
            return;
        try
        {
            long now = Stopwatch.GetTimestamp();
            if (_options.DataTimeout is { } dataTimeout)
            {
                TimeSpan silent = Stopwatch.GetElapsedTime(_connection.LastReceiveTimestamp, now);
                if (silent > dataTimeout)
                {
                    _connection.Abort($"no data received for {silent.TotalSeconds:0.###} s (data timeout {dataTimeout.TotalSeconds:0.###} s)");
                    return;
                }
            }
            if (_options.PingInterval is { } pingInterval)
            {
                long outstanding = Volatile.Read(ref _pingOutstandingSince);
                if (outstanding != 0 && Stopwatch.GetElapsedTime(outstanding, now) > _options.PongTimeout)
                {
                    _connection.Abort($"no pong within {_options.PongTimeout.TotalSeconds:0.###} s of a ping");
                    return;
                }
                if (Stopwatch.GetElapsedTime(_lastPingSent, now) >= pingInterval)
                {
                    _lastPingSent = now;
                    if (outstanding == 0)
                        Volatile.Write(ref _pingOutstandingSince, now);
                    SendPing(now);
                }
            }
            if (_options.ApplicationPing is { } applicationPing && Stopwatch.GetElapsedTime(_lastApplicationPing, now) >= _options.ApplicationPingInterval)
            {
                _lastApplicationPing = now;
                Observe(applicationPing(_connection, _stop.Token));
            }
        }
        catch (ObjectDisposedException)
        {
            // The connection was torn down between two ticks.
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void SendPing(long now)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(payload, now);
        Observe(_connection.PingAsync(payload, _stop.Token));
    }

    private void Observe(ValueTask pending)
    {
        if (pending.IsCompletedSuccessfully)
            return;
        _ = ObserveAsync(pending);
    }

    private async Task ObserveAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            _connection.Abort("keep-alive send failed: " + ex.Message);
        }
    }
}
