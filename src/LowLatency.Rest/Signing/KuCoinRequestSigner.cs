using System.Security.Cryptography;
using System.Text;
using LowLatency.Rest.Buffers;

namespace LowLatency.Rest.Signing;

/// <summary>
/// Signs KuCoin private endpoints: <c>KC-API-SIGN</c> = base64 HMAC-SHA256 of
/// timestamp + METHOD + endpoint (path and query) + body; with key version 2 or later the
/// passphrase is sent as base64 HMAC-SHA256 of the passphrase, keyed by the secret.
/// </summary>
/// <remarks>
/// KuCoin signs the endpoint as it reads before URL encoding, so the query is percent-decoded
/// for the signature while the encoded form is sent.
/// </remarks>
public sealed class KuCoinRequestSigner : IRequestSigner
{
    /// <summary>The header carrying the API key.</summary>
    public const string ApiKeyHeader = "KC-API-KEY";

    /// <summary>The header carrying the signature.</summary>
    public const string SignHeader = "KC-API-SIGN";

    /// <summary>The header carrying the millisecond timestamp.</summary>
    public const string TimestampHeader = "KC-API-TIMESTAMP";

    /// <summary>The header carrying the (signed) passphrase.</summary>
    public const string PassphraseHeader = "KC-API-PASSPHRASE";

    /// <summary>The header carrying the key version.</summary>
    public const string KeyVersionHeader = "KC-API-KEY-VERSION";

    /// <summary>The key version KuCoin issues by default.</summary>
    public const int DefaultKeyVersion = 2;

    private readonly ExchangeCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly string _passphraseHeaderValue;
    private readonly string _keyVersion;

    /// <summary>Creates the signer.</summary>
    /// <param name="credentials">The KuCoin key, secret and passphrase.</param>
    /// <param name="timeProvider">The clock the timestamp is read from; the system clock when null.</param>
    /// <param name="keyVersion">The key version (1 sends the passphrase in clear, 2 and later sign it).</param>
    public KuCoinRequestSigner(ExchangeCredentials credentials, TimeProvider? timeProvider = null, int keyVersion = DefaultKeyVersion)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyVersion, 1);
        if (credentials.Passphrase is null)
        {
            throw new ArgumentException("KuCoin credentials need the passphrase chosen when the key was created (LOWLATENCY_KUCOIN_API_PASSPHRASE); none was given.", nameof(credentials));
        }

        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _keyVersion = keyVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _passphraseHeaderValue = keyVersion >= 2 ? SignPassphrase(credentials.SecretUtf8, credentials.Passphrase) : credentials.Passphrase;
    }

    /// <inheritdoc />
    public bool RequiresOrderedDelivery => false;

    /// <inheritdoc />
    public void Sign(RestSigningContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string timestamp = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string endpoint = string.IsNullOrEmpty(request.Query) ? request.Path : request.Path + "?" + Uri.UnescapeDataString(request.Query);
        request.SetHeader(ApiKeyHeader, _credentials.ApiKey);
        request.SetHeader(SignHeader, ComputeSignature(_credentials.SecretUtf8, timestamp, request.Method.Method, endpoint, request.Body ?? string.Empty));
        request.SetHeader(TimestampHeader, timestamp);
        request.SetHeader(PassphraseHeader, _passphraseHeaderValue);
        request.SetHeader(KeyVersionHeader, _keyVersion);
        if (request.Body is not null && request.ContentType is null)
        {
            request.ContentType = "application/json";
        }
    }

    /// <summary>The request signature: base64 HMAC-SHA256 of timestamp + method + endpoint + body.</summary>
    /// <param name="secretUtf8">The secret's UTF-8 bytes.</param>
    /// <param name="timestamp">The millisecond timestamp as sent in <c>KC-API-TIMESTAMP</c>.</param>
    /// <param name="method">The upper-case HTTP method.</param>
    /// <param name="endpoint">The path and, for GET and DELETE, '?' and the unencoded query.</param>
    /// <param name="body">The JSON body, empty when there is none.</param>
    /// <returns>The base64 signature.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> secretUtf8, string timestamp, string method, string endpoint, string body)
    {
        StringBuilder builder = RestBuffers.StringBuilders.Get();
        try
        {
            builder.Append(timestamp).Append(method.ToUpperInvariant()).Append(endpoint).Append(body);
            Span<byte> mac = stackalloc byte[HmacPayload.Sha256Length];
            HmacPayload.Sha256(secretUtf8, builder, mac);
            return Convert.ToBase64String(mac);
        }
        finally
        {
            RestBuffers.StringBuilders.Return(builder);
        }
    }

    /// <summary>The passphrase as key versions 2 and later send it: base64 HMAC-SHA256 keyed by the secret.</summary>
    /// <param name="secretUtf8">The secret's UTF-8 bytes.</param>
    /// <param name="passphrase">The passphrase in clear.</param>
    /// <returns>The base64 value of <c>KC-API-PASSPHRASE</c>.</returns>
    public static string SignPassphrase(ReadOnlySpan<byte> secretUtf8, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        Span<byte> mac = stackalloc byte[HmacPayload.Sha256Length];
        HMACSHA256.HashData(secretUtf8, Encoding.UTF8.GetBytes(passphrase), mac);
        return Convert.ToBase64String(mac);
    }
}
