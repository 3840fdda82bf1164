namespace LowLatency.Engine.Options;

/// <summary>How the engine's three consumers (cache, risk, signal) are spread over threads.</summary>
public enum ConsumerThreadLayout
{
    /// <summary>
    /// Three threads when each consumer can spin on a spare core of its own (see
    /// <see cref="Core.Threading.CpuPlan"/>); otherwise <see cref="Shared"/>.
    /// </summary>
    Auto,

    /// <summary>Cache, then risk and signal in parallel, each on its own thread.</summary>
    Separate,

    /// <summary>One thread runs the cache, risk and signal consumers in turn for each event.</summary>
    Shared,
}
