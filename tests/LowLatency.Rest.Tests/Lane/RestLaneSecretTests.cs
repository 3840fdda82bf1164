using System.Text;
using LowLatency.Rest.Errors;
using LowLatency.Rest.Exchanges;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Resilience;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneSecretTests
{
    private const string ApiKey = "KEYk3y0fTh1sAccountXyZ987654321";
    private const string Secret = "SECRETs3cr3tV4lueNeverToBeSeen0123";

    [Fact]
    public async Task Signed_request_reaches_the_exchange_with_key_header_and_a_valid_signature()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        await using var lane = new RestLane(BinanceLane(server));

        await lane.SendAsync(new RestRequest(HttpMethod.Get, "/api/v3/account") { Query = "omitZeroBalances=true", IsSigned = true, Priority = RestPriority.High });

        ReceivedRequest received = server.Received.Single();
        Assert.Equal(ApiKey, received.Header(BinanceRequestSigner.ApiKeyHeader));
        string query = received.Query;
        int signatureAt = query.IndexOf("&signature=", StringComparison.Ordinal);
        string expected = BinanceRequestSigner.ComputeSignature(Encoding.UTF8.GetBytes(Secret), query[..signatureAt]);
        Assert.Equal(expected, query[(signatureAt + "&signature=".Length)..]);
        Assert.StartsWith("omitZeroBalances=true&recvWindow=5000&timestamp=", query);
    }

    [Fact]
    public async Task Secrets_never_appear_in_logs_or_exception_messages_even_when_the_exchange_echoes_them()
    {
        string? signatureSent = null;
        await using var server = new LoopbackHttpServer(request =>
        {
            signatureSent = request.Body.Split("signature=")[1];
            return new ScriptedResponse(400, $$"""{"code":-1022,"msg":"Signature for this request is not valid.","apiKey":"{{ApiKey}}","echo":"{{request.Query}}&{{request.Body}}","key":"{{ApiKey}}"}""");
        });
        var logger = new CapturingLogger();
        await using var lane = new RestLane(BinanceLane(server), logger);

        RestHttpException error = await Assert.ThrowsAsync<RestHttpException>(() => lane.SendAsync(
            new RestRequest(HttpMethod.Post, "/api/v3/order")
            {
                Query = $"symbol=BTCUSDT&apiKey={ApiKey}",
                Body = "side=BUY&quantity=1",
                IsSigned = true,
                Priority = RestPriority.Critical,
            }));

        Assert.NotNull(signatureSent);
        string everything = string.Join("\n", error.ToString(), error.Endpoint, error.BodyExcerpt, logger.AllText);
        Assert.DoesNotContain(ApiKey, everything);
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain(signatureSent!, everything);
        Assert.Contains("Signature for this request is not valid.", error.BodyExcerpt);
        Assert.Contains("apiKey=***", error.Endpoint);
        Assert.NotEmpty(logger.Entries);
    }

    [Fact]
    public async Task Transport_failure_of_a_signed_request_names_no_secret()
    {
        int port;
        await using (var closed = new LoopbackHttpServer(_ => ScriptedResponse.Ok()))
        {
            port = closed.Port;
        }

        var logger = new CapturingLogger();
        RestLaneOptions options = RestExchangeProfiles.Binance(Credentials()) with
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Retry = new RestRetryOptions { MaxRetryAttempts = 0 },
        };
        await using var lane = new RestLane(options, logger);

        RestTransportException error = await Assert.ThrowsAsync<RestTransportException>(
            () => lane.SendAsync(new RestRequest(HttpMethod.Get, "/api/v3/account") { IsSigned = true }));

        Assert.Contains("could not be established", error.Message);
        string everything = error + "\n" + logger.AllText;
        Assert.DoesNotContain(ApiKey, everything);
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain("signature=", everything.Replace("signature=***", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_request_on_a_lane_without_credentials_is_refused_naming_the_variables()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        await using var lane = new RestLane(RestExchangeProfiles.Binance() with { BaseAddress = server.BaseAddress });

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() =>
        {
            _ = lane.SendAsync(new RestRequest(HttpMethod.Get, "/api/v3/account") { IsSigned = true });
        });

        Assert.Contains("LOWLATENCY_BINANCE_API_KEY", error.Message);
        Assert.Equal(0, server.Count);
    }

    private static ExchangeCredentials Credentials() => new("binance", ApiKey, Secret);

    private static RestLaneOptions BinanceLane(LoopbackHttpServer server) => RestExchangeProfiles.Binance(Credentials()) with
    {
        BaseAddress = server.BaseAddress,
        Retry = new RestRetryOptions { MaxRetryAttempts = 0 },
    };
}
