using System.Text;
using LowLatency.Rest.Buffers;

namespace LowLatency.Rest.Signing;

/// <summary>
/// Signs Binance SIGNED (TRADE and USER_DATA) endpoints: appends <c>recvWindow</c> and
/// <c>timestamp</c>, then <c>signature</c> = hex HMAC-SHA256 of the query string concatenated
/// with the body, keyed by the secret; the API key goes in <c>X-MBX-APIKEY</c>.
/// </summary>
/// <remarks>
/// Binance defines the signed text as "totalParams": the query string concatenated with the
/// request body, with no separator between them. The caller's parameters stay where they were
/// put; the timing parameters and the signature are appended to the form body when there is one,
/// else to the query, exactly as in Binance's documented examples.
/// </remarks>
public sealed class BinanceRequestSigner : IRequestSigner
{
    /// <summary>The header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-MBX-APIKEY";

    /// <summary>Binance's default validity window for a signed request, in milliseconds.</summary>
    public const int DefaultReceiveWindowMilliseconds = 5000;

    private readonly ExchangeCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly int _receiveWindowMilliseconds;

    /// <summary>Creates the signer.</summary>
    /// <param name="credentials">The Binance key pair.</param>
    /// <param name="timeProvider">The clock the timestamp is read from; the system clock when null.</param>
    /// <param name="receiveWindowMilliseconds">The <c>recvWindow</c> sent with every request (1..60000).</param>
    public BinanceRequestSigner(ExchangeCredentials credentials, TimeProvider? timeProvider = null, int receiveWindowMilliseconds = DefaultReceiveWindowMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveWindowMilliseconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(receiveWindowMilliseconds, 60_000);
        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _receiveWindowMilliseconds = receiveWindowMilliseconds;
    }

    /// <inheritdoc />
    public bool RequiresOrderedDelivery => false;

    /// <inheritdoc />
    public void Sign(RestSigningContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long timestamp = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        // The timing parameters and the signature follow the parameters they belong with: the form
        // body when there is one (Binance's "mixed query string and request body" example), else the query.
        bool inBody = !string.IsNullOrEmpty(request.Body);
        StringBuilder builder = RestBuffers.StringBuilders.Get();
        try
        {
            builder.Append(request.Query);
            int queryLength = builder.Length;
            string? parameters = inBody ? request.Body : request.Query;
            builder.Append(inBody ? request.Body : null);
            if (!string.IsNullOrEmpty(parameters))
            {
                builder.Append('&');
            }

            builder.Append("recvWindow=").Append(_receiveWindowMilliseconds).Append("&timestamp=").Append(timestamp);

            Span<byte> mac = stackalloc byte[HmacPayload.Sha256Length];
            HmacPayload.Sha256(_credentials.SecretUtf8, builder, mac);
            builder.Append("&signature=").Append(Convert.ToHexStringLower(mac));

            if (inBody)
            {
                request.Body = builder.ToString(queryLength, builder.Length - queryLength);
            }
            else
            {
                request.Query = builder.ToString();
            }
        }
        finally
        {
            RestBuffers.StringBuilders.Return(builder);
        }

        request.SetHeader(ApiKeyHeader, _credentials.ApiKey);
    }

    /// <summary>The signature of a "totalParams" text: lower-case hex HMAC-SHA256 keyed by the secret.</summary>
    /// <param name="secretUtf8">The secret key's UTF-8 bytes.</param>
    /// <param name="totalParams">The query string concatenated with the body.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> secretUtf8, string totalParams)
    {
        ArgumentNullException.ThrowIfNull(totalParams);
        Span<byte> mac = stackalloc byte[HmacPayload.Sha256Length];
        HmacPayload.Sha256(secretUtf8, totalParams.AsSpan(), mac);
        return Convert.ToHexStringLower(mac);
    }
}
