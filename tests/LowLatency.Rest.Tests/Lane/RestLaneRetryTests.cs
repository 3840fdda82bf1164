using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneRetryTests
{
    [Fact]
    public async Task Get_answered_5xx_is_retried_and_succeeds()
    {
        await using var server = new LoopbackHttpServer(r => r.Sequence == 1 ? new ScriptedResponse(500) : ScriptedResponse.Ok("""{"ok":true}"""));
        await using var lane = new RestLane(TestLanes.Options(server));

        RestResponse response = await lane.GetAsync("/api/v3/exchangeInfo");

        Assert.Equal("""{"ok":true}""", response.GetBodyText());
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Count);
        RestLaneStatus status = lane.GetStatus();
        Assert.Equal(1, status.Retries);
        Assert.Equal(1, status.ServerErrors);
    }

    [Fact]
    public async Task Post_without_client_order_id_answered_5xx_is_not_retried()
    {
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(500, """{"code":-1000,"msg":"An unknown error occurred."}"""));
        await using var lane = new RestLane(TestLanes.Options(server));

        RestHttpException error = await Assert.ThrowsAsync<RestHttpException>(
            () => lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Body = "symbol=BTCUSDT&side=BUY&quantity=1" }));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/api/v3/order", error.Endpoint);
        Assert.Contains("An unknown error occurred.", error.BodyExcerpt);
        Assert.Equal(1, server.Count);
        Assert.Equal(0, lane.GetStatus().Retries);
    }

    [Fact]
    public async Task Order_with_client_order_id_is_retried_with_the_same_id()
    {
        await using var server = new LoopbackHttpServer(r => r.Sequence == 1 ? new ScriptedResponse(503) : ScriptedResponse.Ok());
        await using var lane = new RestLane(TestLanes.Options(server));
        var order = new RestRequest(HttpMethod.Post, "/api/v3/order")
        {
            Priority = RestPriority.Critical,
            Body = "symbol=BTCUSDT&side=BUY&quantity=1&newClientOrderId=ll-7f3a",
            ClientOrderId = "ll-7f3a",
        };

        RestResponse response = await lane.SendAsync(order);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Count);
        Assert.All(server.Received, r => Assert.Equal("symbol=BTCUSDT&side=BUY&quantity=1&newClientOrderId=ll-7f3a", r.Body));
    }

    [Fact]
    public async Task Order_declaring_a_client_order_id_it_does_not_carry_is_refused_before_sending()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        await using var lane = new RestLane(TestLanes.Options(server));

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
        {
            _ = lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Body = "symbol=BTCUSDT&side=BUY", ClientOrderId = "ll-missing" });
        });

        Assert.Contains("ll-missing", error.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Get_stops_retrying_after_the_configured_attempts()
    {
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(502, "bad gateway"));
        await using var lane = new RestLane(TestLanes.Options(server));

        RestHttpException error = await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/api/v3/time"));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, server.Count);
        Assert.Equal(2, lane.GetStatus().Retries);
    }

    [Fact]
    public async Task Get_answered_4xx_is_not_retried()
    {
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(400, """{"code":-1121,"msg":"Invalid symbol."}"""));
        await using var lane = new RestLane(TestLanes.Options(server));

        RestHttpException error = await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/api/v3/depth?symbol=NOPE"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("/api/v3/depth?symbol=NOPE", error.Endpoint);
        Assert.Equal("test", error.Exchange);
        Assert.Contains("HTTP 400", error.Message);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Get_whose_connection_drops_mid_body_is_retried_as_a_transport_failure()
    {
        await using var server = new LoopbackHttpServer(
            r => r.Sequence == 1 ? ScriptedResponse.Ok("""{"partial":""") with { Truncated = true } : ScriptedResponse.Ok());
        await using var lane = new RestLane(TestLanes.Options(server));

        RestResponse response = await lane.GetAsync("/api/v3/time");

        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, lane.GetStatus().TransportErrors);
    }

    [Fact]
    public async Task Post_whose_connection_drops_mid_body_fails_with_a_transport_error_and_is_not_retried()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok("""{"orderId":""") with { Truncated = true });
        await using var lane = new RestLane(TestLanes.Options(server));

        RestTransportException error = await Assert.ThrowsAsync<RestTransportException>(
            () => lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Body = "side=BUY" }));

        Assert.Equal("/api/v3/order", error.Endpoint);
        Assert.Contains("body was read", error.Message);
        Assert.Equal(1, server.Count);
    }
}
