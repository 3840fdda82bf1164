using System.Diagnostics;
using System.Text;

namespace LowLatency.Rest.Signing;

/// <summary>
/// An API key pair for one exchange (and, for KuCoin, its passphrase). Never printed: its
/// <see cref="ToString"/> and debugger display show the exchange only.
/// </summary>
/// <remarks>
/// Credentials come from configuration or environment variables named
/// <c>LOWLATENCY_{EXCHANGE}_API_KEY</c>, <c>LOWLATENCY_{EXCHANGE}_API_SECRET</c> and
/// <c>LOWLATENCY_{EXCHANGE}_API_PASSPHRASE</c> (see <see cref="FromLookup"/>). The secret is held
/// as UTF-8 bytes, the form every signer needs, and is never part of a message or log.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ExchangeCredentials
{
    private readonly byte[] _secretUtf8;

    /// <summary>Creates credentials from their values.</summary>
    /// <param name="exchange">The exchange they belong to, for example <c>binance</c>.</param>
    /// <param name="apiKey">The public API key sent in a header.</param>
    /// <param name="secret">The secret used to sign (for Kraken: the base64 text Kraken issued).</param>
    /// <param name="passphrase">The passphrase chosen when the key was created (KuCoin), or null.</param>
    public ExchangeCredentials(string exchange, string apiKey, string secret, string? passphrase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exchange);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Exchange = exchange;
        ApiKey = apiKey;
        _secretUtf8 = Encoding.UTF8.GetBytes(secret);
        Passphrase = passphrase;
    }

    /// <summary>The exchange these credentials belong to.</summary>
    public string Exchange { get; }

    /// <summary>The public API key (sent in a header, still never logged).</summary>
    public string ApiKey { get; }

    /// <summary>The passphrase (KuCoin), or null.</summary>
    public string? Passphrase { get; }

    /// <summary>The secret as UTF-8 bytes, the key of the HMAC for every exchange but Kraken.</summary>
    public ReadOnlySpan<byte> SecretUtf8 => _secretUtf8;

    /// <summary>
    /// Reads credentials through a lookup such as <c>key =&gt; configuration[key]</c> or
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>.
    /// </summary>
    /// <param name="exchange">The exchange, for example <c>binance</c>; upper-cased in the variable names.</param>
    /// <param name="lookup">Returns the value of a variable, or null when it is not set.</param>
    /// <returns>The credentials, or null when the key or the secret is not set.</returns>
    public static ExchangeCredentials? FromLookup(string exchange, Func<string, string?> lookup)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exchange);
        ArgumentNullException.ThrowIfNull(lookup);
        string prefix = "LOWLATENCY_" + exchange.ToUpperInvariant() + "_API_";
        string? apiKey = lookup(prefix + "KEY");
        string? secret = lookup(prefix + "SECRET");
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        string? passphrase = lookup(prefix + "PASSPHRASE");
        return new ExchangeCredentials(exchange, apiKey, secret, string.IsNullOrEmpty(passphrase) ? null : passphrase);
    }

    /// <summary>Reads credentials from the process environment (see <see cref="FromLookup"/>).</summary>
    /// <param name="exchange">The exchange, for example <c>binance</c>.</param>
    /// <returns>The credentials, or null when the variables are not set.</returns>
    public static ExchangeCredentials? FromEnvironment(string exchange) =>
        FromLookup(exchange, Environment.GetEnvironmentVariable);

    /// <summary>The literal values a redactor must mask: key, secret and passphrase.</summary>
    /// <returns>The values, never to be shown.</returns>
    public IEnumerable<string?> SecretValues()
    {
        yield return ApiKey;
        yield return Encoding.UTF8.GetString(_secretUtf8);
        yield return Passphrase;
    }

    /// <summary>Names the exchange only; key, secret and passphrase are redacted.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() =>
        $"ExchangeCredentials {{ Exchange = {Exchange}, ApiKey = ***, Secret = ***, Passphrase = {(Passphrase is null ? "none" : "***")} }}";
}
