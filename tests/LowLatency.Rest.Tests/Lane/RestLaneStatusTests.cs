using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneStatusTests
{
    [Fact]
    public async Task Status_counts_requests_per_priority_and_errors_by_kind()
    {
        await using var server = new LoopbackHttpServer(r => r.Path == "/missing" ? new ScriptedResponse(404) : ScriptedResponse.Ok());
        await using var lane = new RestLane(TestLanes.Options(server));

        await lane.GetAsync("/order", RestPriority.Critical);
        await lane.GetAsync("/balance", RestPriority.High);
        await lane.GetAsync("/balance", RestPriority.High);
        await lane.GetAsync("/ticker");
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/missing"));

        RestLaneStatus status = lane.GetStatus();
        Assert.Equal("test", status.Exchange);
        Assert.Equal(new RestPriorityStatus(Queued: 0, Submitted: 1, Succeeded: 1, Failed: 0), status.Critical);
        Assert.Equal(new RestPriorityStatus(Queued: 0, Submitted: 2, Succeeded: 2, Failed: 0), status.High);
        Assert.Equal(new RestPriorityStatus(Queued: 0, Submitted: 2, Succeeded: 1, Failed: 1), status.Normal);
        Assert.Equal(RestCircuitState.Closed, status.CircuitState);
        Assert.Equal(0, status.InFlight);
        Assert.Null(status.PausedUntil);
    }

    [Fact]
    public async Task Status_shows_queued_requests_by_priority()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (request, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedResponse.Ok();
        });
        await using var lane = new RestLane(TestLanes.Options(server));

        Task<RestResponse> inFlight = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> high = lane.GetAsync("/balance", RestPriority.High);
        Task<RestResponse> normal = lane.GetAsync("/ticker");

        RestLaneStatus status = lane.GetStatus();
        Assert.Equal(1, status.InFlight);
        Assert.Equal(1, status.High.Queued);
        Assert.Equal(1, status.Normal.Queued);
        Assert.Equal(0, status.Critical.Queued);
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(inFlight, high, normal), "all requests");
    }
}
