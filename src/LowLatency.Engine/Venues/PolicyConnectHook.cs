using System.Text;
using LowLatency.Feeds.Exchanges;
using LowLatency.WebSockets;
using LowLatency.WebSockets.KeepAlive;

namespace LowLatency.Engine.Venues;

/// <summary>
/// The connect hook of venues with a fixed endpoint: the same URL every time, keep-alive from the
/// venue's <see cref="KeepAlivePolicy"/> (Kraken's <c>{"method":"ping"}</c>, Bybit's
/// <c>{"op":"ping"}</c>, protocol pings, or none where the server pings, as Binance does: those
/// are answered by the WebSocket layer).
/// </summary>
internal sealed class PolicyConnectHook : IConnectHook
{
    private readonly ConnectPlan _plan;

    public PolicyConnectHook(Uri uri, KeepAlivePolicy policy)
    {
        _plan = new ConnectPlan(uri, KeepAliveFor(policy, policy.PingInterval, policy.ApplicationPing));
    }

    public ValueTask<ConnectPlan> PrepareAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_plan);

    /// <summary>Keep-alive options for a policy, with the ping interval and message the caller settled on.</summary>
    public static KeepAliveOptions KeepAliveFor(KeepAlivePolicy policy, TimeSpan pingInterval, string? applicationPing)
    {
        var options = new KeepAliveOptions
        {
            DataTimeout = policy.SilenceTimeout > TimeSpan.Zero ? policy.SilenceTimeout : null,
        };
        if (applicationPing is not null && pingInterval > TimeSpan.Zero)
        {
            byte[] ping = Encoding.UTF8.GetBytes(applicationPing);
            return options with
            {
                ApplicationPing = (connection, cancellationToken) => connection.SendAsync(ping, WebSocketMessageType.Text, cancellationToken),
                ApplicationPingInterval = pingInterval,
            };
        }
        return pingInterval > TimeSpan.Zero ? options with { PingInterval = pingInterval } : options;
    }
}
