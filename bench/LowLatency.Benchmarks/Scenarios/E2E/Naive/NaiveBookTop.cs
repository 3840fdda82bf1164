namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>The peer's cached top of book: an immutable snapshot replaced under the cache's lock.</summary>
public sealed record NaiveBookTop(IReadOnlyList<NaiveLevel> Bids, IReadOnlyList<NaiveLevel> Asks, long UpdateId, long EventTimeMs);
