using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols;

/// <summary>One client connection's exchange session: subscriptions, acks, pings.</summary>
/// <remarks>
/// <see cref="OnOpen"/> and <see cref="OnClientMessage"/> run on the connection's receive thread,
/// one at a time, so a session's own state needs no locks; everything it wants done goes
/// through <see cref="ISessionOutput"/>.
/// </remarks>
internal abstract class ExchangeSession
{
    /// <summary>The frame variant this connection starts with (see <see cref="Feed.RecordedFeed.FrameVariants"/>).</summary>
    public virtual int Variant => 0;

    /// <summary>Interval of the exchange's application heartbeat while subscribed, or zero for none.</summary>
    public virtual TimeSpan HeartbeatInterval => TimeSpan.Zero;

    /// <summary>The heartbeat message, when <see cref="HeartbeatInterval"/> is set.</summary>
    public virtual string? Heartbeat => null;

    /// <summary>Called once the upgrade is answered: welcome messages, subscriptions named in the URL.</summary>
    public virtual void OnOpen(ISessionOutput output)
    {
    }

    /// <summary>Handles a message from the client.</summary>
    public abstract void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output);
}
