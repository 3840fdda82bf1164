using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.KeepAlive;

namespace LowLatency.WebSockets.Client;

/// <summary>Everything <see cref="WebSocketClient.ConnectAsync"/> needs besides the URL.</summary>
public sealed record WebSocketClientOptions
{
    /// <summary>Extra request headers for the upgrade (some exchanges want an Origin, a User-Agent or an API key).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    /// <summary>Offers permessage-deflate with these parameters; null does not offer it.</summary>
    public PerMessageDeflateOptions? PerMessageDeflate { get; init; }

    /// <summary>Largest message accepted (after inflation); larger fails the connection with 1009.</summary>
    public int MaxMessageSize { get; init; } = WebSocketLimits.DefaultMaxMessageSize;

    /// <summary>Time allowed for DNS, TCP connect, TLS and the HTTP upgrade together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sets <c>TCP_NODELAY</c> (default on: our small sends must not wait for Nagle).</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>Socket receive buffer (<c>SO_RCVBUF</c>) in bytes; null keeps the OS default.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary>Socket send buffer (<c>SO_SNDBUF</c>) in bytes; null keeps the OS default.</summary>
    public int? SendBufferSize { get; init; }

    /// <summary>
    /// For wss: roots to trust instead of the system store (e.g. a test CA). The chain must end in
    /// one of them, and the host name must still match the certificate.
    /// </summary>
    public X509Certificate2Collection? TrustedRootCertificates { get; init; }

    /// <summary>For wss: a custom validation callback, which replaces every other check; use with care.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; init; }

    /// <summary>Protocol pings, pong timeout, data watchdog and the exchange's own ping.</summary>
    public KeepAliveOptions KeepAlive { get; init; } = KeepAliveOptions.Disabled;
}
