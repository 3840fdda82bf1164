using System.Threading.RateLimiting;
using LowLatency.Rest.Lane;
using LowLatency.Rest.RateLimiting;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneRateLimitTests
{
    /// <summary>
    /// TryReplenish is ignored until a replenishment period has passed on the real clock; a
    /// one-tick period makes every manual refill count.
    /// </summary>
    private static readonly TimeSpan ManualRefill = TimeSpan.FromTicks(1);

    [Fact]
    public async Task Lane_sends_no_more_requests_than_the_token_bucket_admits_until_it_is_refilled()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        var bucket = (TokenBucketRateLimiter)RestRateLimiters.TokenBucket(tokenLimit: 3, tokensPerPeriod: 3, ManualRefill, autoReplenishment: false);
        await using var lane = new RestLane(TestLanes.Options(server) with { MaxConcurrency = 2, RateLimiterFactory = () => bucket });

        Task<RestResponse>[] requests = Enumerable.Range(0, 7).Select(i => lane.GetAsync($"/r{i}")).ToArray();
        await WaitForWindowAsync(requests, bucket, expectedCompleted: 3);
        Assert.Equal(3, server.Count);

        Assert.True(bucket.TryReplenish());
        await WaitForWindowAsync(requests, bucket, expectedCompleted: 6);
        Assert.Equal(6, server.Count);

        Assert.True(bucket.TryReplenish());
        await Eventually.Completes(Task.WhenAll(requests), "the last request");
        Assert.Equal(7, server.Count);
    }

    [Fact]
    public async Task Request_weight_takes_that_many_permits()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        var bucket = (TokenBucketRateLimiter)RestRateLimiters.TokenBucket(tokenLimit: 10, tokensPerPeriod: 10, ManualRefill, autoReplenishment: false);
        await using var lane = new RestLane(TestLanes.Options(server) with { RateLimiterFactory = () => bucket });

        await lane.SendAsync(new RestRequest(HttpMethod.Get, "/api/v3/depth") { Query = "symbol=BTCUSDT&limit=5000", Weight = 10 });

        Assert.Equal(0, bucket.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Critical_request_takes_the_next_permit_ahead_of_normal_requests_waiting_for_permits()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Ok());
        var bucket = (TokenBucketRateLimiter)RestRateLimiters.TokenBucket(tokenLimit: 1, tokensPerPeriod: 1, ManualRefill, autoReplenishment: false);
        await using var lane = new RestLane(TestLanes.Options(server) with { RateLimiterFactory = () => bucket });

        Task<RestResponse> first = lane.GetAsync("/first");
        await server.WaitForCountAsync(1);
        Task<RestResponse> normal = lane.GetAsync("/normal");
        await Eventually.WaitUntilAsync(() => bucket.GetStatistics()!.CurrentQueuedCount > 0, "the worker to wait for a permit");
        Task<RestResponse> critical = lane.GetAsync("/order", RestPriority.Critical);
        Assert.True(bucket.TryReplenish());
        await server.WaitForCountAsync(2);
        await Eventually.WaitUntilAsync(() => bucket.GetStatistics()!.CurrentQueuedCount > 0, "the worker to wait for the next permit");
        Assert.True(bucket.TryReplenish());
        await Eventually.Completes(Task.WhenAll(first, normal, critical), "all requests");

        Assert.Equal(["/first", "/order", "/normal"], server.Received.Select(r => r.Path));
    }

    /// <summary>Waits until <paramref name="expectedCompleted"/> requests completed and a worker waits for permits again.</summary>
    private static Task WaitForWindowAsync(Task<RestResponse>[] requests, TokenBucketRateLimiter bucket, int expectedCompleted) =>
        Eventually.WaitUntilAsync(
            () => requests.Count(r => r.IsCompleted) >= expectedCompleted && bucket.GetStatistics()!.CurrentQueuedCount > 0,
            $"{expectedCompleted} requests to complete and a worker to wait for permits");
}
