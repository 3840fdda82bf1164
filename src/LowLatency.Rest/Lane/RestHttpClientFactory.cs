using System.Net;
using System.Net.Security;
using LowLatency.Rest.Security;

namespace LowLatency.Rest.Lane;

/// <summary>Builds a lane's single <see cref="HttpClient"/> over one pooled <see cref="SocketsHttpHandler"/>.</summary>
internal static class RestHttpClientFactory
{
    public static HttpClient Create(RestLaneOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxConcurrency,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            UseProxy = false,
            // Redirects would resend custom key headers (X-MBX-APIKEY, API-Key) to another host.
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions(),
        };

        if (options.TrustedRootCertificates is { Count: > 0 } roots)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = new TrustedRootValidator(roots).Validate;
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            // Per-attempt timeouts belong to the resilience pipeline, which knows about retries.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = options.HttpVersion,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            MaxResponseContentBufferSize = options.MaxResponseBytes,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }
}
