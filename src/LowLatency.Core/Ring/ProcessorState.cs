namespace LowLatency.Core.Ring;

/// <summary>Where an event processor is in its life.</summary>
public enum ProcessorState
{
    /// <summary>Created, not running yet.</summary>
    Idle,

    /// <summary>Processing events (or waiting for them) on its thread.</summary>
    Running,

    /// <summary>Stopped on request (halt or drain); its thread has left or is leaving the loop.</summary>
    Halted,

    /// <summary>
    /// Stopped by a handler failure under <see cref="HandlerExceptionPolicy.Halt"/> (or a failing
    /// lifecycle hook); <see cref="IEventProcessor.LastException"/> says why.
    /// </summary>
    Faulted,
}
