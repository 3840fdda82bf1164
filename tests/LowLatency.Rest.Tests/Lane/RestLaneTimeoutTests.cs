using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneTimeoutTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Order_without_response_times_out_with_a_typed_error_saying_its_outcome_is_unknown()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(Hang, clock: clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock) with { RequestTimeout = AttemptTimeout });

        Task<RestResponse> order = lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Priority = RestPriority.Critical, Body = "side=SELL" });
        await server.WaitForCountAsync(1);
        await Eventually.WaitUntilAsync(() => clock.PendingTimers >= 1, "the attempt's timeout timer");
        clock.Advance(AttemptTimeout);

        RestTimeoutException error = await Eventually.Fails<RestTimeoutException>(order, "the timeout");
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(AttemptTimeout, error.Timeout);
        Assert.Equal("/api/v3/order", error.Endpoint);
        Assert.Contains("outcome is unknown", error.Message);
        Assert.Equal(1, server.Count);
        Assert.Equal(1, lane.GetStatus().Timeouts);
    }

    [Fact]
    public async Task Get_that_times_out_is_retried()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(
            (request, ct) => request.Sequence == 1 ? Hang(request, ct) : Task.FromResult(ScriptedResponse.Ok()),
            clock: clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock) with { RequestTimeout = AttemptTimeout });

        Task<RestResponse> get = lane.GetAsync("/api/v3/depth");
        await server.WaitForCountAsync(1);
        await Eventually.WaitUntilAsync(() => clock.PendingTimers >= 1, "the attempt's timeout timer");
        clock.Advance(AttemptTimeout);

        RestResponse response = await Eventually.Completes(get, "the retried request");
        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, lane.GetStatus().Timeouts);
    }

    [Fact]
    public async Task Per_request_timeout_overrides_the_lane_default()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(Hang, clock: clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock) with { RequestTimeout = TimeSpan.FromMinutes(1) });

        Task<RestResponse> order = lane.SendAsync(new RestRequest(HttpMethod.Delete, "/api/v3/order") { Query = "orderId=1", Timeout = AttemptTimeout });
        await server.WaitForCountAsync(1);
        await Eventually.WaitUntilAsync(() => clock.PendingTimers >= 1, "the attempt's timeout timer");
        clock.Advance(AttemptTimeout);

        RestTimeoutException error = await Eventually.Fails<RestTimeoutException>(order, "the timeout");
        Assert.Equal(AttemptTimeout, error.Timeout);
    }

    private static async Task<ScriptedResponse> Hang(ReceivedRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return ScriptedResponse.Ok();
    }
}
