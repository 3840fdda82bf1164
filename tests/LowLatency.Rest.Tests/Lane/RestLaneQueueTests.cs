using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneQueueTests
{
    [Fact]
    public async Task Full_priority_queue_rejects_with_a_typed_error_naming_priority_and_capacity()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = BlockingServer(release);
        await using var lane = new RestLane(TestLanes.Options(server) with { QueueCapacityPerPriority = 2 });

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> first = lane.GetAsync("/a");
        Task<RestResponse> second = lane.GetAsync("/b");
        Task<RestResponse> third = lane.GetAsync("/c");

        RestQueueFullException error = await Eventually.Fails<RestQueueFullException>(third, "the rejection");
        Assert.Equal(RestPriority.Normal, error.Priority);
        Assert.Equal(2, error.Capacity);
        Assert.Contains("queue already holds 2", error.Message);
        Assert.Equal(1, lane.GetStatus().QueueRejections);
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(blocker, first, second), "queued requests");
    }

    [Fact]
    public async Task Critical_request_is_accepted_while_the_normal_queue_is_full()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = BlockingServer(release);
        await using var lane = new RestLane(TestLanes.Options(server) with { QueueCapacityPerPriority = 1 });

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> normal = lane.GetAsync("/a");
        await Eventually.Fails<RestQueueFullException>(lane.GetAsync("/b"), "the normal rejection");
        Task<RestResponse> critical = lane.GetAsync("/order", RestPriority.Critical);

        release.SetResult();
        RestResponse order = await Eventually.Completes(critical, "the order");
        Assert.Equal(200, order.StatusCode);
        await Eventually.Completes(Task.WhenAll(blocker, normal), "queued requests");
    }

    [Fact]
    public async Task Request_cancelled_while_queued_is_never_sent()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = BlockingServer(release);
        await using var lane = new RestLane(TestLanes.Options(server));
        using var cancel = new CancellationTokenSource();

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> cancelled = lane.GetAsync("/cancelled", RestPriority.Normal, cancel.Token);
        Task<RestResponse> after = lane.GetAsync("/after");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.SetResult();
        await Eventually.Completes(Task.WhenAll(blocker, after), "the other requests");
        Assert.Equal(["/block", "/after"], server.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task Disposing_the_lane_fails_queued_requests_loudly()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = BlockingServer(release);
        var lane = new RestLane(TestLanes.Options(server));

        Task<RestResponse> blocker = lane.GetAsync("/block");
        await server.WaitForCountAsync(1);
        Task<RestResponse> queuedOrder = lane.SendAsync(new RestRequest(HttpMethod.Post, "/order")
        {
            Priority = RestPriority.Critical,
            Body = "newClientOrderId=cid-1",
            ClientOrderId = "cid-1",
        });
        await lane.DisposeAsync();

        ObjectDisposedException error = await Assert.ThrowsAsync<ObjectDisposedException>(() => queuedOrder);
        Assert.Contains("/order", error.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => blocker);
        Assert.Throws<ObjectDisposedException>(() => { _ = lane.GetAsync("/again"); });
        release.SetResult();
    }

    private static LoopbackHttpServer BlockingServer(TaskCompletionSource release) =>
        new(async (request, ct) =>
        {
            if (request.Path == "/block")
            {
                await release.Task.WaitAsync(ct);
            }

            return ScriptedResponse.Ok();
        });
}
