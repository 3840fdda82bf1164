using LowLatency.Rest.Lane;
using LowLatency.Rest.Resilience;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>Lane options for tests: one worker, no reservation, no delays, a manual or system clock.</summary>
public static class TestLanes
{
    public static RestLaneOptions Options(LoopbackHttpServer server, TimeProvider? clock = null) => new()
    {
        Exchange = "test",
        BaseAddress = server.BaseAddress,
        MaxConcurrency = 1,
        ReservedCriticalWorkers = 0,
        RequestTimeout = TimeSpan.FromSeconds(30),
        Retry = new RestRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero, UseJitter = false },
        CircuitBreaker = new RestCircuitBreakerOptions { MinimumThroughput = 100 },
        TimeProvider = clock ?? TimeProvider.System,
    };
}
