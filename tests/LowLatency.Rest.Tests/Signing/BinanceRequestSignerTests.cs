using System.Text;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Signing;

/// <summary>
/// Known answers from Binance's "SIGNED Endpoint Examples for POST /api/v3/order" (spot API docs,
/// request security): the documented example key pair, parameters and signatures.
/// </summary>
public sealed class BinanceRequestSignerTests
{
    private const string ApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string Secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const long DocumentedTimestamp = 1499827319559;

    [Fact]
    public void Signature_of_documented_query_string_matches_example_1()
    {
        string signature = BinanceRequestSigner.ComputeSignature(
            Encoding.UTF8.GetBytes(Secret),
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");

        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signature);
    }

    [Fact]
    public void Signature_of_query_concatenated_with_body_matches_example_3()
    {
        string signature = BinanceRequestSigner.ComputeSignature(
            Encoding.UTF8.GetBytes(Secret),
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC" + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");

        Assert.Equal("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", signature);
    }

    [Fact]
    public void Signing_a_query_only_request_produces_the_documented_query_and_key_header()
    {
        var context = new RestSigningContext(HttpMethod.Post, "/api/v3/order", "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1", null, null);

        Signer().Sign(context);

        Assert.Equal(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
            context.Query);
        Assert.Null(context.Body);
        Assert.Equal(ApiKey, context.GetHeader(BinanceRequestSigner.ApiKeyHeader));
    }

    [Fact]
    public void Signing_a_mixed_request_produces_the_documented_body()
    {
        var context = new RestSigningContext(HttpMethod.Post, "/api/v3/order", "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1", null);

        Signer().Sign(context);

        Assert.Equal("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", context.Query);
        Assert.Equal(
            "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
            context.Body);
    }

    [Fact]
    public void Signing_a_request_without_parameters_signs_the_timing_parameters_alone()
    {
        var context = new RestSigningContext(HttpMethod.Get, "/api/v3/account", null, null, null);

        Signer().Sign(context);

        string expected = BinanceRequestSigner.ComputeSignature(Encoding.UTF8.GetBytes(Secret), "recvWindow=5000&timestamp=1499827319559");
        Assert.Equal("recvWindow=5000&timestamp=1499827319559&signature=" + expected, context.Query);
    }

    private static BinanceRequestSigner Signer() =>
        new(new ExchangeCredentials("binance", ApiKey, Secret), new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DocumentedTimestamp)));
}
