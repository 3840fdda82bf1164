namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Turns a round that stopped making progress into an error that says where it stopped.</summary>
public static class RoundGuard
{
    /// <summary>Throws when <paramref name="reached"/> is false.</summary>
    /// <exception cref="TimeoutException">The pipeline did not make <paramref name="expected"/> messages visible in time.</exception>
    public static void Require(bool reached, VisibilityLog visible, int expected, string pipeline)
    {
        if (!reached)
            throw new TimeoutException($"{pipeline} made {visible.Count} messages visible before the hang guard; expected {expected}.");
    }
}
