namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>One price level of the peer's book top.</summary>
public sealed record NaiveLevel(decimal Price, decimal Quantity);
