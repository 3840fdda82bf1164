using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace LowLatency.WebSockets.Server;

/// <summary>Where and how <see cref="WebSocketListener"/> listens.</summary>
public sealed record WebSocketListenerOptions
{
    /// <summary>Address to bind; loopback by default (the replayer and tests stay on the machine).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Port to bind; 0 lets the OS choose, then read <see cref="WebSocketListener.Port"/>.</summary>
    public int Port { get; init; }

    /// <summary>Pending connections the OS queues before accepting.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>Sets <c>TCP_NODELAY</c> on accepted sockets.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>Socket send buffer (<c>SO_SNDBUF</c>) of accepted sockets; null keeps the OS default.</summary>
    public int? SendBufferSize { get; init; }

    /// <summary>Serves wss (TLS) with this certificate, which must have its private key; null serves plain ws.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Time a client has for TLS and for sending its request head.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest request body read for plain HTTP requests (the REST stub).</summary>
    public int MaxRequestBodySize { get; init; } = 1024 * 1024;
}
