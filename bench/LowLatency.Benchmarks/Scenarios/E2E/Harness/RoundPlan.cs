namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>How much of the capture one round plays and which part of it counts.</summary>
/// <param name="WarmUp">Messages made visible before measuring may start (connection, JIT tiers); measuring also waits for the book to be in sync.</param>
/// <param name="Messages">Messages made visible when the round ends (the first <paramref name="Messages"/> of the capture).</param>
public readonly record struct RoundPlan(int WarmUp, int Messages)
{}
