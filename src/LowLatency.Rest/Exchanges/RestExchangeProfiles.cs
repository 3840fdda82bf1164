using System.Security.Cryptography;
using System.Text;
using LowLatency.Rest.Lane;
using LowLatency.Rest.RateLimiting;
using LowLatency.Rest.Security;
using LowLatency.Rest.Signing;

namespace LowLatency.Rest.Exchanges;

/// <summary>
/// Lane options for each supported exchange: public base address, rate limit, signer and
/// redaction of the credentials' values. Adjust the result with <c>with</c> (for example to point
/// at the replayer's REST stub).
/// </summary>
/// <remarks>
/// The limits are the exchanges' published defaults for the lowest account tier at the time of
/// writing, for one IP; an account with higher limits passes its own
/// <see cref="RestLaneOptions.RateLimiterFactory"/>. A request's <see cref="RestRequest.Weight"/>
/// should be the endpoint's documented weight where the exchange counts weights (Binance, KuCoin).
/// </remarks>
public static class RestExchangeProfiles
{
    /// <summary>
    /// Binance spot: <c>https://api.binance.com</c>, REQUEST_WEIGHT 6000 per minute (sliding, 6 segments).
    /// </summary>
    /// <param name="credentials">The key pair for signed endpoints, or null for public data only.</param>
    /// <param name="timeProvider">The clock for timestamps, pauses and the breaker; the system clock when null.</param>
    /// <returns>The options.</returns>
    public static RestLaneOptions Binance(ExchangeCredentials? credentials = null, TimeProvider? timeProvider = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        return new RestLaneOptions
        {
            Exchange = "binance",
            BaseAddress = new Uri("https://api.binance.com"),
            RateLimiterFactory = static () => RestRateLimiters.SlidingWindow(6000, TimeSpan.FromMinutes(1), 6),
            Signer = credentials is null ? null : new BinanceRequestSigner(credentials, time),
            Redactor = RedactorFor(credentials),
            TimeProvider = time,
        };
    }

    /// <summary>
    /// Bybit v5: <c>https://api.bybit.com</c>, 600 requests per 5 s per IP (sliding, 5 segments).
    /// </summary>
    /// <param name="credentials">The key pair for signed endpoints, or null for public data only.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <returns>The options.</returns>
    public static RestLaneOptions Bybit(ExchangeCredentials? credentials = null, TimeProvider? timeProvider = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        return new RestLaneOptions
        {
            Exchange = "bybit",
            BaseAddress = new Uri("https://api.bybit.com"),
            RateLimiterFactory = static () => RestRateLimiters.SlidingWindow(600, TimeSpan.FromSeconds(5), 5),
            Signer = credentials is null ? null : new BybitRequestSigner(credentials, time),
            Redactor = RedactorFor(credentials),
            TimeProvider = time,
        };
    }

    /// <summary>
    /// Kraken spot: <c>https://api.kraken.com</c>, a token bucket of 15 refilled at 1 per second
    /// (Kraken's starter-tier counter of 15, and public endpoints at about one call per second).
    /// </summary>
    /// <param name="credentials">The key pair for private endpoints, or null for public data only.</param>
    /// <param name="nonceFilePath">
    /// Where the last nonce is kept; when null, a file under the local application data folder named
    /// after a hash of the API key (never the key itself).
    /// </param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <returns>The options.</returns>
    public static RestLaneOptions Kraken(ExchangeCredentials? credentials = null, string? nonceFilePath = null, TimeProvider? timeProvider = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        return new RestLaneOptions
        {
            Exchange = "kraken",
            BaseAddress = new Uri("https://api.kraken.com"),
            RateLimiterFactory = static () => RestRateLimiters.TokenBucket(15, 1, TimeSpan.FromSeconds(1)),
            Signer = credentials is null ? null : new KrakenRequestSigner(credentials, new KrakenNonceSource(nonceFilePath ?? DefaultNonceFile(credentials), time)),
            Redactor = RedactorFor(credentials),
            TimeProvider = time,
        };
    }

    /// <summary>
    /// KuCoin spot: <c>https://api.kucoin.com</c>, 2000 weight per 30 s (the public pool per IP;
    /// sliding, 6 segments).
    /// </summary>
    /// <param name="credentials">The key, secret and passphrase for private endpoints, or null for public data only.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <returns>The options.</returns>
    public static RestLaneOptions KuCoin(ExchangeCredentials? credentials = null, TimeProvider? timeProvider = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        return new RestLaneOptions
        {
            Exchange = "kucoin",
            BaseAddress = new Uri("https://api.kucoin.com"),
            RateLimiterFactory = static () => RestRateLimiters.SlidingWindow(2000, TimeSpan.FromSeconds(30), 6),
            Signer = credentials is null ? null : new KuCoinRequestSigner(credentials, time),
            Redactor = RedactorFor(credentials),
            TimeProvider = time,
        };
    }

    private static SecretRedactor RedactorFor(ExchangeCredentials? credentials) =>
        credentials is null ? SecretRedactor.ParametersOnly : new SecretRedactor(credentials.SecretValues());

    private static string DefaultNonceFile(ExchangeCredentials credentials)
    {
        string keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ApiKey)))[..16];
        string folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(folder, "LowLatency", $"kraken-nonce-{keyHash}.txt");
    }
}
