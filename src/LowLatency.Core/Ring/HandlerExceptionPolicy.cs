namespace LowLatency.Core.Ring;

/// <summary>What a processor does when its handler throws. Either way the failure is logged (the first one with its context), counted and kept.</summary>
public enum HandlerExceptionPolicy
{
    /// <summary>
    /// Skip the failed event and go on. Suits market data, where one bad event must not stop the
    /// cache from following the feed; watch <see cref="IEventProcessor.Failures"/>.
    /// </summary>
    Continue,

    /// <summary>
    /// Stop the processor at the failed event (<see cref="ProcessorState.Faulted"/>). Events before it
    /// are released to downstream consumers; the producer eventually stops on a blocking ring (or
    /// drops on a dropping one), so the failure cannot go unnoticed.
    /// </summary>
    Halt,
}
