using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Resilience;
using LowLatency.Rest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneCircuitBreakerTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Circuit_opens_after_consecutive_server_errors_fails_fast_and_closes_after_a_successful_probe()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(r => r.Sequence <= 2 ? new ScriptedResponse(503) : ScriptedResponse.Ok(), clock);
        await using var lane = new RestLane(BreakerOptions(server, clock));

        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/a"));
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/b"));
        Assert.Equal(RestCircuitState.Open, lane.GetStatus().CircuitState);

        RestCircuitOpenException open = await Assert.ThrowsAsync<RestCircuitOpenException>(() => lane.GetAsync("/c"));
        Assert.Equal(BreakDuration, open.RetryAfter);
        Assert.Equal("/c", open.Endpoint);
        Assert.Equal(2, server.Count);

        clock.Advance(BreakDuration);
        RestResponse probe = await lane.GetAsync("/probe");
        Assert.Equal(200, probe.StatusCode);
        Assert.Equal(RestCircuitState.Closed, lane.GetStatus().CircuitState);
        await lane.GetAsync("/after");
        Assert.Equal(["/a", "/b", "/probe", "/after"], server.Received.Select(r => r.Path));
        Assert.Equal(1, lane.GetStatus().CircuitRejections);
    }

    [Fact]
    public async Task Failed_half_open_probe_opens_the_circuit_again()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(500), clock);
        await using var lane = new RestLane(BreakerOptions(server, clock));
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/a"));
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/b"));

        clock.Advance(BreakDuration);
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/probe"));

        Assert.Equal(RestCircuitState.Open, lane.GetStatus().CircuitState);
        await Assert.ThrowsAsync<RestCircuitOpenException>(() => lane.GetAsync("/c"));
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Order_submitted_while_the_circuit_is_open_fails_loudly_and_is_not_sent()
    {
        var clock = new ManualTimeProvider();
        var logger = new CapturingLogger();
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(503), clock);
        await using var lane = new RestLane(BreakerOptions(server, clock), logger);
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/a"));
        await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/b"));

        Task<RestResponse> order = lane.SendAsync(new RestRequest(HttpMethod.Post, "/api/v3/order") { Priority = RestPriority.Critical, Body = "side=BUY" });

        await Assert.ThrowsAsync<RestCircuitOpenException>(() => order);
        Assert.Equal(2, server.Count);
        Assert.Equal(1, lane.GetStatus().Critical.Failed);
        CapturedLog logged = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("RestCircuitOpenException", logged.Message);
        Assert.Contains("/api/v3/order", logged.Message);
    }

    [Fact]
    public async Task Client_errors_do_not_open_the_circuit()
    {
        var clock = new ManualTimeProvider();
        await using var server = new LoopbackHttpServer(_ => new ScriptedResponse(400), clock);
        await using var lane = new RestLane(BreakerOptions(server, clock));

        for (int i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<RestHttpException>(() => lane.GetAsync("/bad"));
        }

        Assert.Equal(RestCircuitState.Closed, lane.GetStatus().CircuitState);
        Assert.Equal(4, server.Count);
    }

    private static RestLaneOptions BreakerOptions(LoopbackHttpServer server, TimeProvider clock) => TestLanes.Options(server, clock) with
    {
        Retry = new RestRetryOptions { MaxRetryAttempts = 0 },
        CircuitBreaker = new RestCircuitBreakerOptions
        {
            MinimumThroughput = 2,
            FailureRatio = 1.0,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = BreakDuration,
        },
    };
}
