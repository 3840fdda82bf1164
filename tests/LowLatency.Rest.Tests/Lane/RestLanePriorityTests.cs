using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLanePriorityTests
{
    [Fact]
    public async Task Critical_request_submitted_after_queued_normal_ones_is_sent_first()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (request, ct) =>
        {
            if (request.Path == "/block")
            {
                await release.Task.WaitAsync(ct);
            }

            return ScriptedResponse.Ok();
        });
        await using var lane = new RestLane(TestLanes.Options(server));

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> normal1 = lane.GetAsync("/normal-1", RestPriority.Normal);
        Task<RestResponse> normal2 = lane.GetAsync("/normal-2", RestPriority.Normal);
        Task<RestResponse> critical = lane.SendAsync(new RestRequest(HttpMethod.Post, "/order") { Priority = RestPriority.Critical, Body = "a=1" });
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(blocker, normal1, normal2, critical), "all requests");

        Assert.Equal(["/block", "/order", "/normal-1", "/normal-2"], server.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task High_request_goes_before_normal_and_after_critical()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (request, ct) =>
        {
            if (request.Path == "/block")
            {
                await release.Task.WaitAsync(ct);
            }

            return ScriptedResponse.Ok();
        });
        await using var lane = new RestLane(TestLanes.Options(server));

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> normal = lane.GetAsync("/instruments", RestPriority.Normal);
        Task<RestResponse> high = lane.GetAsync("/balance", RestPriority.High);
        Task<RestResponse> critical = lane.GetAsync("/cancel", RestPriority.Critical);
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(blocker, normal, high, critical), "all requests");

        Assert.Equal(["/block", "/cancel", "/balance", "/instruments"], server.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task Reserved_critical_worker_sends_an_order_while_every_other_worker_is_busy()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (request, ct) =>
        {
            if (request.Path == "/slow")
            {
                await release.Task.WaitAsync(ct);
            }

            return ScriptedResponse.Ok();
        });
        await using var lane = new RestLane(TestLanes.Options(server) with { MaxConcurrency = 2, ReservedCriticalWorkers = 1 });

        Task<RestResponse> slow = lane.GetAsync("/slow");
        await server.WaitForCountAsync(1);
        Task<RestResponse> queuedNormal = lane.GetAsync("/later");
        RestResponse order = await Eventually.Completes(lane.GetAsync("/order", RestPriority.Critical), "the order on the reserved worker");

        Assert.Equal(200, order.StatusCode);
        Assert.False(queuedNormal.IsCompleted);
        Assert.DoesNotContain(server.Received, r => r.Path == "/later");
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(slow, queuedNormal), "the normal requests");
    }

    [Fact]
    public async Task Response_carries_the_body_bytes_status_and_attempt_count()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok("""{"symbol":"BTCUSDT","price":"42000.10"}"""));
        await using var lane = new RestLane(TestLanes.Options(server));

        RestResponse response = await lane.GetAsync("/api/v3/ticker/price?symbol=BTCUSDT", RestPriority.Normal);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"symbol":"BTCUSDT","price":"42000.10"}""", response.GetBodyText());
        Assert.Equal(1, response.Attempts);
        Assert.Equal(RestPriority.Normal, response.Priority);
        Assert.Equal("/api/v3/ticker/price?symbol=BTCUSDT", server.Received.Single().Target);
    }
}
