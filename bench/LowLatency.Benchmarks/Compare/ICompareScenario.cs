namespace LowLatency.Benchmarks.Compare;

/// <summary>
/// One named scenario of the side-by-side run (see BENCH.md): ours and a peer, measured in
/// the same process, interleaved round by round.
/// </summary>
/// <remarks>
/// Implementations are discovered by reflection (public, non-abstract, parameterless
/// constructor), so adding a scenario means adding one file. Names are stable: never rename.
/// </remarks>
public interface ICompareScenario
{
    /// <summary>Stable scenario name, e.g. <c>ring.1p1c</c>.</summary>
    string Name { get; }

    /// <summary>Unit of <see cref="RoundResult.Value"/>, e.g. <c>ops/s</c> or <c>ns/read</c>.</summary>
    string Unit { get; }

    /// <summary>True when a larger value is better (throughput), false for costs and latencies.</summary>
    bool HigherIsBetter { get; }

    /// <summary>Name of the peer, or null when the scenario has no natural peer.</summary>
    string? Peer { get; }

    /// <summary>Prepares data and buffers; called once before warm-up.</summary>
    void Setup(CompareContext context);

    /// <summary>Runs one round of our implementation.</summary>
    RoundResult RunOurs();

    /// <summary>Runs one round of the peer. Not called when <see cref="Peer"/> is null.</summary>
    RoundResult RunPeer();

    /// <summary>Releases threads, sockets and buffers.</summary>
    void Cleanup();
}
