using System.Text;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Signing;

/// <summary>
/// KuCoin's "Signing a Message" page gives the algorithm (timestamp + method + endpoint + body,
/// HMAC-SHA256, base64; passphrase signed the same way for key versions 2 and later) with code
/// samples but no example signature, so the known answers come from Python's hmac module.
/// </summary>
public sealed class KuCoinRequestSignerTests
{
    private const string ApiKey = "kucoin-api-key";
    private const string Secret = "kucoin-test-secret-0123456789";
    private const string Passphrase = "kucoin passphrase";
    private const long Timestamp = 1700000000123;

    [Fact]
    public void Get_is_signed_over_method_path_and_unencoded_query_as_python_computes_it()
    {
        var context = new RestSigningContext(HttpMethod.Get, "/api/v1/deposit-addresses", "currency=XBT&note=a%20b", null, null);

        Signer(keyVersion: 2).Sign(context);

        string expected = PythonReference.Hmac("sha256", "base64", Secret, "1700000000123GET/api/v1/deposit-addresses?currency=XBT&note=a b");
        Assert.Equal(expected, context.GetHeader(KuCoinRequestSigner.SignHeader));
        Assert.Equal("1700000000123", context.GetHeader(KuCoinRequestSigner.TimestampHeader));
        Assert.Equal(ApiKey, context.GetHeader(KuCoinRequestSigner.ApiKeyHeader));
        Assert.Equal("2", context.GetHeader(KuCoinRequestSigner.KeyVersionHeader));
    }

    [Fact]
    public void Post_is_signed_over_its_json_body_as_python_computes_it()
    {
        const string Body = """{"clientOid":"ll-42","side":"buy","symbol":"BTC-USDT","type":"limit","price":"20000","size":"0.001"}""";
        var context = new RestSigningContext(HttpMethod.Post, "/api/v1/orders", null, Body, null);

        Signer(keyVersion: 2).Sign(context);

        string expected = PythonReference.Hmac("sha256", "base64", Secret, "1700000000123POST/api/v1/orders" + Body);
        Assert.Equal(expected, context.GetHeader(KuCoinRequestSigner.SignHeader));
        Assert.Equal("application/json", context.ContentType);
    }

    [Fact]
    public void Passphrase_is_signed_for_key_version_2()
    {
        var context = new RestSigningContext(HttpMethod.Get, "/api/v1/accounts", null, null, null);

        Signer(keyVersion: 2).Sign(context);

        Assert.Equal(PythonReference.Hmac("sha256", "base64", Secret, Passphrase), context.GetHeader(KuCoinRequestSigner.PassphraseHeader));
    }

    [Fact]
    public void Passphrase_is_sent_as_is_for_key_version_1()
    {
        var context = new RestSigningContext(HttpMethod.Get, "/api/v1/accounts", null, null, null);

        Signer(keyVersion: 1).Sign(context);

        Assert.Equal(Passphrase, context.GetHeader(KuCoinRequestSigner.PassphraseHeader));
        Assert.Equal("1", context.GetHeader(KuCoinRequestSigner.KeyVersionHeader));
    }

    [Fact]
    public void Credentials_without_passphrase_are_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new KuCoinRequestSigner(new ExchangeCredentials("kucoin", ApiKey, Secret)));

        Assert.Contains("LOWLATENCY_KUCOIN_API_PASSPHRASE", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void Static_signature_is_base64_of_hmac_sha256()
    {
        string signature = KuCoinRequestSigner.ComputeSignature(Encoding.UTF8.GetBytes(Secret), "1", "get", "/x", string.Empty);

        Assert.Equal(PythonReference.Hmac("sha256", "base64", Secret, "1GET/x"), signature);
    }

    private static KuCoinRequestSigner Signer(int keyVersion) =>
        new(new ExchangeCredentials("kucoin", ApiKey, Secret, Passphrase), new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Timestamp)), keyVersion);
}
