using System.Text;
using LowLatency.Rest.Buffers;

namespace LowLatency.Rest.Signing;

/// <summary>
/// Signs Bybit v5 private endpoints: <c>X-BAPI-SIGN</c> = hex HMAC-SHA256 of
/// timestamp + API key + recv_window + (the query string for GET, the JSON body otherwise),
/// with <c>X-BAPI-API-KEY</c>, <c>X-BAPI-TIMESTAMP</c> and <c>X-BAPI-RECV-WINDOW</c> beside it.
/// </summary>
/// <remarks>The query is signed exactly as sent (Bybit does not require sorted parameters).</remarks>
public sealed class BybitRequestSigner : IRequestSigner
{
    /// <summary>The header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-BAPI-API-KEY";

    /// <summary>The header carrying the signature.</summary>
    public const string SignHeader = "X-BAPI-SIGN";

    /// <summary>The header carrying the millisecond timestamp.</summary>
    public const string TimestampHeader = "X-BAPI-TIMESTAMP";

    /// <summary>The header carrying the validity window.</summary>
    public const string ReceiveWindowHeader = "X-BAPI-RECV-WINDOW";

    /// <summary>Bybit's default validity window, in milliseconds.</summary>
    public const int DefaultReceiveWindowMilliseconds = 5000;

    private readonly ExchangeCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly string _receiveWindow;

    /// <summary>Creates the signer.</summary>
    /// <param name="credentials">The Bybit key pair.</param>
    /// <param name="timeProvider">The clock the timestamp is read from; the system clock when null.</param>
    /// <param name="receiveWindowMilliseconds">The validity window sent with every request.</param>
    public BybitRequestSigner(ExchangeCredentials credentials, TimeProvider? timeProvider = null, int receiveWindowMilliseconds = DefaultReceiveWindowMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveWindowMilliseconds, 1);
        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _receiveWindow = receiveWindowMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool RequiresOrderedDelivery => false;

    /// <inheritdoc />
    public void Sign(RestSigningContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string timestamp = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string payload = request.Method == HttpMethod.Get ? request.Query ?? string.Empty : request.Body ?? string.Empty;
        request.SetHeader(ApiKeyHeader, _credentials.ApiKey);
        request.SetHeader(TimestampHeader, timestamp);
        request.SetHeader(ReceiveWindowHeader, _receiveWindow);
        request.SetHeader(SignHeader, ComputeSignature(_credentials.SecretUtf8, timestamp, _credentials.ApiKey, _receiveWindow, payload));
        if (request.Body is not null && request.ContentType is null)
        {
            request.ContentType = "application/json";
        }
    }

    /// <summary>The v5 signature: lower-case hex HMAC-SHA256 of timestamp + apiKey + recvWindow + payload.</summary>
    /// <param name="secretUtf8">The secret's UTF-8 bytes.</param>
    /// <param name="timestamp">The millisecond timestamp as sent in <c>X-BAPI-TIMESTAMP</c>.</param>
    /// <param name="apiKey">The API key.</param>
    /// <param name="receiveWindow">The window as sent in <c>X-BAPI-RECV-WINDOW</c>.</param>
    /// <param name="payload">The query string (GET) or JSON body (POST).</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> secretUtf8, string timestamp, string apiKey, string receiveWindow, string payload)
    {
        StringBuilder builder = RestBuffers.StringBuilders.Get();
        try
        {
            builder.Append(timestamp).Append(apiKey).Append(receiveWindow).Append(payload);
            Span<byte> mac = stackalloc byte[HmacPayload.Sha256Length];
            HmacPayload.Sha256(secretUtf8, builder, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            RestBuffers.StringBuilders.Return(builder);
        }
    }
}
