using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLanePauseTests
{
    [Fact]
    public async Task Http_429_with_Retry_After_pauses_the_whole_lane_then_it_recovers()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(r => r.Sequence == 1 ? ScriptedResponse.Status429(30) : ScriptedResponse.Ok(), clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock) with { MaxConcurrency = 2 });
        DateTimeOffset start = clock.GetUtcNow();

        Task<RestResponse> limited = lane.GetAsync("/api/v3/depth");
        await Eventually.WaitUntilAsync(() => lane.GetStatus().PausedUntil is not null, "the lane to pause");
        Task<RestResponse> queued = lane.GetAsync("/api/v3/ticker");
        await Eventually.WaitUntilAsync(() => clock.PendingTimers >= 2, "the retry and the other worker to wait out the pause");
        Assert.Equal(start + TimeSpan.FromSeconds(30), lane.GetStatus().PausedUntil);

        clock.Advance(TimeSpan.FromSeconds(30));
        RestResponse retried = await Eventually.Completes(limited, "the retried request");
        await Eventually.Completes(queued, "the queued request");

        Assert.Equal(2, retried.Attempts);
        Assert.Equal(3, server.Count);
        Assert.Equal(start, server.Received[0].ArrivedAt);
        Assert.All(server.Received.Skip(1), r => Assert.True(r.ArrivedAt >= start + TimeSpan.FromSeconds(30), $"{r.Target} was sent during the pause"));
        RestLaneStatus status = lane.GetStatus();
        Assert.Equal(1, status.TooManyRequests);
        Assert.Null(status.PausedUntil);
    }

    [Fact]
    public async Task Http_429_on_an_order_without_client_order_id_is_not_retried_and_reports_the_pause()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Status429(7), clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock));

        Task<RestResponse> order = lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Body = "symbol=BTCUSDT&side=BUY", Priority = RestPriority.Critical });

        RestRateLimitedException error = await Eventually.Fails<RestRateLimitedException>(order, "the order to fail");
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.IsBan);
        Assert.Equal(1, server.Count);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(7), lane.GetStatus().PausedUntil);
    }

    [Fact]
    public async Task Http_429_without_Retry_After_pauses_for_the_configured_default()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(429), clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock) with { DefaultRateLimitPause = TimeSpan.FromSeconds(11) });

        RestRateLimitedException error = await Eventually.Fails<RestRateLimitedException>(
            lane.SendAsync(new RestRequest(HttpMethod.Post, "/order") { Body = "a=1" }), "the order to fail");

        Assert.Equal(TimeSpan.FromSeconds(11), error.RetryAfter);
    }

    [Fact]
    public async Task Http_418_ban_fails_queued_and_new_requests_at_once_without_sending_them()
    {
        var clock = new ManualTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(
            async (request, ct) =>
            {
                await release.Task.WaitAsync(ct);
                return new ScriptedResponse(418, """{"code":-1003,"msg":"Way too many requests; IP banned."}""", new Dictionary<string, string> { ["Retry-After"] = "120" });
            },
            clock: clock);
        await using var lane = new RestLane(TestLanes.Options(server, clock));

        Task<RestResponse> first = lane.GetAsync("/api/v3/depth");
        await server.WaitForCountAsync(1);
        Task<RestResponse> queuedNormal = lane.GetAsync("/api/v3/ticker");
        Task<RestResponse> queuedOrder = lane.GetAsync("/api/v3/openOrders", RestPriority.Critical);
        release.SetResult();

        RestRateLimitedException banned = await Eventually.Fails<RestRateLimitedException>(first, "the banned request");
        Assert.True(banned.IsBan);
        Assert.Equal(418, banned.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), banned.RetryAfter);
        Assert.True((await Assert.ThrowsAsync<RestRateLimitedException>(() => queuedNormal)).IsBan);
        Assert.True((await Assert.ThrowsAsync<RestRateLimitedException>(() => queuedOrder)).IsBan);
        RestRateLimitedException fresh = await Assert.ThrowsAsync<RestRateLimitedException>(() => lane.GetAsync("/api/v3/time"));
        Assert.True(fresh.IsBan);
        Assert.Equal(1, server.Count);
        RestLaneStatus status = lane.GetStatus();
        Assert.True(status.IsBanned);
        Assert.Equal(1, status.Bans);
    }
}
