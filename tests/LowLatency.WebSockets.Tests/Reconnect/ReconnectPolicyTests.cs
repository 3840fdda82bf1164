using LowLatency.WebSockets.Reconnect;

namespace LowLatency.WebSockets.Tests.Reconnect;

public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Delays_grow_exponentially_within_the_jitter_band()
    {
        var policy = new ReconnectPolicy(new Random(1)) { InitialDelay = TimeSpan.FromMilliseconds(100), Multiplier = 2, Jitter = 0.25, MaxDelay = TimeSpan.FromHours(1) };

        for (int attempt = 0; attempt < 8; attempt++)
        {
            double expected = 100 * Math.Pow(2, attempt);
            double delay = policy.NextDelay().TotalMilliseconds;
            Assert.InRange(delay, expected * 0.75, expected);
        }
    }

    [Fact]
    public void Delays_never_exceed_the_cap()
    {
        var policy = new ReconnectPolicy(new Random(2)) { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5), Jitter = 0 };

        TimeSpan[] delays = Enumerable.Range(0, 100).Select(_ => policy.NextDelay()).ToArray();

        Assert.Equal(TimeSpan.FromSeconds(5), delays.Max());
        Assert.Equal(TimeSpan.FromSeconds(5), delays[^1]);
    }

    [Fact]
    public void Jitter_spreads_the_delays_of_identical_clients()
    {
        var random = new Random(3);
        double[] delays = Enumerable.Range(0, 50)
            .Select(_ => new ReconnectPolicy(random) { InitialDelay = TimeSpan.FromSeconds(1), Jitter = 0.5 }.NextDelay().TotalMilliseconds)
            .ToArray();

        Assert.True(delays.Distinct().Count() > 40, "jitter must give identical clients different delays");
    }

    [Fact]
    public void A_healthy_connection_resets_the_backoff()
    {
        var policy = new ReconnectPolicy(new Random(4)) { InitialDelay = TimeSpan.FromMilliseconds(100), Jitter = 0, HealthyAfter = TimeSpan.FromSeconds(30) };
        policy.NextDelay();
        policy.NextDelay();
        policy.NextDelay();

        policy.OnConnectionEnded(TimeSpan.FromSeconds(31));

        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.NextDelay());
    }

    [Fact]
    public void A_short_lived_connection_keeps_the_backoff_growing()
    {
        var policy = new ReconnectPolicy(new Random(5)) { InitialDelay = TimeSpan.FromMilliseconds(100), Jitter = 0, HealthyAfter = TimeSpan.FromSeconds(30) };
        policy.NextDelay();
        policy.NextDelay();

        policy.OnConnectionEnded(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.NextDelay());
    }
}
