namespace LowLatency.WebSockets.Reconnect;

/// <summary>
/// Exponential backoff with jitter and a cap, reset once a connection has stayed up for a healthy
/// period; one instance per reconnecting client (not thread-safe).
/// </summary>
/// <remarks>
/// Jitter spreads the reconnects of many clients that lost the same exchange at the same moment,
/// so they do not come back as one burst that trips the exchange's connection rate limit. The
/// delay of attempt <c>n</c> is <c>min(MaxDelay, InitialDelay * Multiplier^n)</c>, reduced by a
/// random fraction of up to <see cref="Jitter"/>.
/// </remarks>
public sealed class ReconnectPolicy
{
    private readonly Random _random;
    private int _attempt;

    /// <summary>Creates a policy; pass a seeded <paramref name="random"/> for reproducible delays.</summary>
    public ReconnectPolicy(Random? random = null)
    {
        _random = random ?? Random.Shared;
    }

    /// <summary>Delay before the first reconnect.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The cap: no delay is longer.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Growth factor between attempts.</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Largest fraction (0-1) randomly taken off a delay.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>A connection that lived at least this long resets the backoff to <see cref="InitialDelay"/>.</summary>
    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed attempts since the last reset.</summary>
    public int Attempt => _attempt;

    /// <summary>The delay before the next attempt; advances the attempt count.</summary>
    public TimeSpan NextDelay()
    {
        double exponential = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, _attempt);
        double capped = Math.Min(MaxDelay.TotalMilliseconds, exponential);
        if (_attempt < 64)
            _attempt++;
        double jittered = capped * (1 - (Jitter * _random.NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>Tells the policy how long the connection that just ended was up.</summary>
    public void OnConnectionEnded(TimeSpan lifetime)
    {
        if (lifetime >= HealthyAfter)
            Reset();
    }

    /// <summary>Back to the first delay.</summary>
    public void Reset() => _attempt = 0;
}
