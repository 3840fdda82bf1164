using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LowLatency.Rest.Signing;

/// <summary>
/// Signs Kraken spot private endpoints: prepends <c>nonce=N</c> to the form body and sends
/// <c>API-Sign</c> = base64(HMAC-SHA512(base64-decoded secret, path + SHA256(nonce + body)))
/// with the key in <c>API-Key</c>.
/// </summary>
/// <remarks>
/// Kraken rejects a nonce lower than the last it accepted, so nonces come from a
/// <see cref="KrakenNonceSource"/> that persists the last one (surviving restarts and clocks
/// stepping back), and <see cref="RequiresOrderedDelivery"/> makes the lane send signed Kraken
/// requests one at a time so they reach Kraken in nonce order.
/// </remarks>
public sealed class KrakenRequestSigner : IRequestSigner
{
    /// <summary>The header carrying the API key.</summary>
    public const string ApiKeyHeader = "API-Key";

    /// <summary>The header carrying the signature.</summary>
    public const string SignHeader = "API-Sign";

    /// <summary>The media type of Kraken's private request bodies.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    private readonly ExchangeCredentials _credentials;
    private readonly byte[] _secret;
    private readonly KrakenNonceSource _nonces;

    /// <summary>Creates the signer.</summary>
    /// <param name="credentials">The Kraken key pair; the secret is the base64 text Kraken issued.</param>
    /// <param name="nonces">The persistent nonce source for this key.</param>
    public KrakenRequestSigner(ExchangeCredentials credentials, KrakenNonceSource nonces)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(nonces);
        _credentials = credentials;
        _nonces = nonces;
        _secret = DecodeSecret(credentials.SecretUtf8);
    }

    /// <inheritdoc />
    public bool RequiresOrderedDelivery => true;

    /// <inheritdoc />
    public void Sign(RestSigningContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string nonce = _nonces.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string body = string.IsNullOrEmpty(request.Body) ? "nonce=" + nonce : "nonce=" + nonce + "&" + request.Body;
        request.Body = body;
        request.ContentType = FormContentType;
        request.SetHeader(ApiKeyHeader, _credentials.ApiKey);
        request.SetHeader(SignHeader, ComputeSignature(_secret, request.Path, nonce, body));
    }

    /// <summary>The <c>API-Sign</c> value for one request.</summary>
    /// <param name="decodedSecret">The secret, base64-decoded.</param>
    /// <param name="uriPath">The path starting with <c>/0/private</c>.</param>
    /// <param name="nonce">The nonce as written in the body.</param>
    /// <param name="postData">The whole encoded body, nonce included.</param>
    /// <returns>The base64 signature.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> decodedSecret, string uriPath, string nonce, string postData)
    {
        ArgumentNullException.ThrowIfNull(uriPath);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(postData);
        int pathLength = Encoding.UTF8.GetByteCount(uriPath);
        int hashedLength = Encoding.UTF8.GetByteCount(nonce) + Encoding.UTF8.GetByteCount(postData);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(hashedLength, pathLength + SHA256.HashSizeInBytes));
        try
        {
            int written = Encoding.UTF8.GetBytes(nonce, buffer);
            written += Encoding.UTF8.GetBytes(postData, buffer.AsSpan(written));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), digest);

            int messageLength = Encoding.UTF8.GetBytes(uriPath, buffer);
            digest.CopyTo(buffer.AsSpan(messageLength));
            messageLength += digest.Length;

            Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
            HMACSHA512.HashData(decodedSecret, buffer.AsSpan(0, messageLength), mac);
            return Convert.ToBase64String(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>Decodes the base64 secret Kraken issues; the message never includes the secret.</summary>
    /// <param name="secretUtf8">The secret text's UTF-8 bytes.</param>
    /// <returns>The key bytes of the HMAC.</returns>
    public static byte[] DecodeSecret(ReadOnlySpan<byte> secretUtf8)
    {
        byte[] decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(secretUtf8.Length)];
        OperationStatus status = Base64.DecodeFromUtf8(secretUtf8, decoded, out _, out int written);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException($"The Kraken API secret must be the base64 text Kraken issued; decoding it stopped with {status}.", nameof(secretUtf8));
        }

        return decoded.AsSpan(0, written).ToArray();
    }
}
