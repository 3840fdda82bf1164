using System.Text;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Signing;

/// <summary>
/// Known answer from Kraken's "Spot REST Authentication" guide: the documented private key, nonce,
/// encoded payload (a limit buy of 1.25 XBTUSD at 37500) and API-Sign.
/// </summary>
public sealed class KrakenRequestSignerTests : IDisposable
{
    private const string PrivateKey = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const long DocumentedNonce = 1616492376594;
    private const string DocumentedPayload = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private const string DocumentedSignature = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    private readonly string _folder = Directory.CreateTempSubdirectory("lowlatency-kraken-signer-").FullName;

    [Fact]
    public void Signature_of_documented_example_matches_API_Sign()
    {
        byte[] secret = KrakenRequestSigner.DecodeSecret(Encoding.UTF8.GetBytes(PrivateKey));

        string signature = KrakenRequestSigner.ComputeSignature(secret, "/0/private/AddOrder", "1616492376594", DocumentedPayload);

        Assert.Equal(DocumentedSignature, signature);
    }

    [Fact]
    public void Signing_prepends_the_nonce_to_the_form_body_and_sets_the_documented_headers()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DocumentedNonce));
        var signer = new KrakenRequestSigner(
            new ExchangeCredentials("kraken", "kraken-public-key", PrivateKey),
            new KrakenNonceSource(Path.Combine(_folder, "nonce.txt"), clock));
        var context = new RestSigningContext(HttpMethod.Post, "/0/private/AddOrder", null, "ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25", null);

        signer.Sign(context);

        Assert.Equal(DocumentedPayload, context.Body);
        Assert.Equal(DocumentedSignature, context.GetHeader(KrakenRequestSigner.SignHeader));
        Assert.Equal("kraken-public-key", context.GetHeader(KrakenRequestSigner.ApiKeyHeader));
        Assert.Equal(KrakenRequestSigner.FormContentType, context.ContentType);
        Assert.True(signer.RequiresOrderedDelivery);
    }

    [Fact]
    public void Secret_that_is_not_base64_is_refused_without_echoing_it()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => KrakenRequestSigner.DecodeSecret(Encoding.UTF8.GetBytes("not*base64*secret!")));

        Assert.DoesNotContain("not*base64*secret!", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
