using LowLatency.Rest.Exchanges;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneThreadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lowlatency-rest-threading-").FullName;

    [Fact]
    public async Task Submitting_from_a_dedicated_market_data_thread_returns_without_waiting_for_the_exchange()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedResponse.Ok();
        });
        await using var lane = new RestLane(TestLanes.Options(server));
        Task<RestResponse>? submitted = null;

        var marketDataThread = new Thread(() => submitted = lane.GetAsync("/api/v3/depth?symbol=BTCUSDT")) { IsBackground = true };
        marketDataThread.Start();
        Assert.True(marketDataThread.Join(TimeSpan.FromSeconds(30)), "the submitting thread was blocked");

        await server.WaitForCountAsync(1);
        Assert.NotNull(submitted);
        Assert.False(submitted.IsCompleted);
        release.SetResult();
        await Eventually.Completes(submitted, "the request");
    }

    [Fact]
    public async Task Kraken_signed_requests_are_sent_one_at_a_time_so_nonces_arrive_in_order()
    {
        using var gate = new SemaphoreSlim(0);
        int concurrent = 0;
        int maxConcurrent = 0;
        await using var server = new LoopbackHttpServer(async (_, ct) =>
        {
            int now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref maxConcurrent, now);
            await gate.WaitAsync(ct);
            Interlocked.Decrement(ref concurrent);
            return ScriptedResponse.Ok("""{"error":[],"result":{}}""");
        });
        var credentials = new ExchangeCredentials("kraken", "kraken-key", Convert.ToBase64String(new byte[64]));
        RestLaneOptions options = RestExchangeProfiles.Kraken(credentials, Path.Combine(_folder, "nonce.txt")) with
        {
            BaseAddress = server.BaseAddress,
            MaxConcurrency = 3,
            ReservedCriticalWorkers = 0,
        };
        await using var lane = new RestLane(options);

        Task<RestResponse>[] requests = Enumerable.Range(0, 3)
            .Select(_ => lane.SendAsync(new RestRequest(HttpMethod.Post, "/0/private/Balance") { IsSigned = true, Priority = RestPriority.High }))
            .ToArray();
        await Eventually.WaitUntilAsync(() => lane.GetStatus().InFlight == 3 && server.Count == 1, "three workers busy, one request sent");
        for (int sent = 1; sent <= 3; sent++)
        {
            await server.WaitForCountAsync(sent);
            gate.Release();
        }

        await Eventually.Completes(Task.WhenAll(requests), "the signed requests");
        Assert.Equal(1, maxConcurrent);
        long[] nonces = server.Received.Select(r => long.Parse(r.Body.Split('&')[0]["nonce=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(nonces.Order(), nonces);
        Assert.Equal(3, nonces.Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
