namespace LowLatency.Core.Ring;

/// <summary>How many threads publish into a ring, which decides its sequencer.</summary>
public enum ProducerType
{
    /// <summary>
    /// One publishing thread (one connection, one reader thread): <see cref="SingleProducerSequencer"/>,
    /// no atomic instruction on the claim path. The default.
    /// </summary>
    Single,

    /// <summary>
    /// Several publishing threads sharing the ring: <see cref="MultiProducerSequencer"/>, claims by
    /// an atomic add and publication through an availability buffer.
    /// </summary>
    Multi,
}
