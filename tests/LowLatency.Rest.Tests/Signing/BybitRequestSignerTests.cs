using System.Text;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Signing;

/// <summary>
/// Bybit's v5 guide describes the signature (timestamp + key + recv_window + payload, HMAC-SHA256,
/// hex) but publishes no example signature, so the known answers come from Python's hmac module.
/// </summary>
public sealed class BybitRequestSignerTests
{
    private const string ApiKey = "XXXXXXXXXX";
    private const string Secret = "bybit-test-secret-0123456789";
    private const long Timestamp = 1658384314791;

    [Fact]
    public void Get_is_signed_over_its_query_string_as_python_computes_it()
    {
        var context = new RestSigningContext(HttpMethod.Get, "/v5/order/realtime", "category=option&symbol=BTC-29JUL22-25000-C", null, null);

        Signer().Sign(context);

        string expected = PythonReference.Hmac("sha256", "hex", Secret, "1658384314791" + ApiKey + "5000" + "category=option&symbol=BTC-29JUL22-25000-C");
        Assert.Equal(expected, context.GetHeader(BybitRequestSigner.SignHeader));
        Assert.Equal(ApiKey, context.GetHeader(BybitRequestSigner.ApiKeyHeader));
        Assert.Equal("1658384314791", context.GetHeader(BybitRequestSigner.TimestampHeader));
        Assert.Equal("5000", context.GetHeader(BybitRequestSigner.ReceiveWindowHeader));
        Assert.Equal("category=option&symbol=BTC-29JUL22-25000-C", context.Query);
    }

    [Fact]
    public void Post_is_signed_over_its_json_body_as_python_computes_it()
    {
        const string Body = """{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"20000","orderLinkId":"ll-1"}""";
        var context = new RestSigningContext(HttpMethod.Post, "/v5/order/create", null, Body, null);

        Signer().Sign(context);

        string expected = PythonReference.Hmac("sha256", "hex", Secret, "1658384314791" + ApiKey + "5000" + Body);
        Assert.Equal(expected, context.GetHeader(BybitRequestSigner.SignHeader));
        Assert.Equal("application/json", context.ContentType);
    }

    [Fact]
    public void Static_signature_matches_the_signer()
    {
        string direct = BybitRequestSigner.ComputeSignature(Encoding.UTF8.GetBytes(Secret), "1658384314791", ApiKey, "5000", "a=1");
        var context = new RestSigningContext(HttpMethod.Get, "/v5/x", "a=1", null, null);

        Signer().Sign(context);

        Assert.Equal(direct, context.GetHeader(BybitRequestSigner.SignHeader));
    }

    private static BybitRequestSigner Signer() =>
        new(new ExchangeCredentials("bybit", ApiKey, Secret), new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Timestamp)));
}
