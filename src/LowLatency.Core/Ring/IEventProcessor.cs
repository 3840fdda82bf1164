namespace LowLatency.Core.Ring;

/// <summary>
/// A consumer of a ring running on its own thread, seen without its event and handler types:
/// lifecycle, progress and counters for the graph, health checks and metrics.
/// </summary>
/// <remarks>Counters are written by the consumer thread once per batch and may be read from any thread.</remarks>
public interface IEventProcessor
{
    /// <summary>The consumer's name (its thread's name).</summary>
    string Name { get; }

    /// <summary>The highest sequence this consumer has finished with; downstream consumers and the producer gate on it.</summary>
    Sequence Sequence { get; }

    /// <summary>Lifecycle state.</summary>
    ProcessorState State { get; }

    /// <summary>Events handed to the handler (failed ones included).</summary>
    long EventsProcessed { get; }

    /// <summary>Batches processed (one wait on the barrier each).</summary>
    long Batches { get; }

    /// <summary>The largest batch so far.</summary>
    long MaxBatchSize { get; }

    /// <summary>The size of the latest batch.</summary>
    long LastBatchSize { get; }

    /// <summary>How far behind the producer this consumer is: the cursor minus <see cref="Sequence"/>.</summary>
    long Lag { get; }

    /// <summary>Events that arrived flagged with a preceding loss (<see cref="FullRingPolicy.DropAndFlagGap"/>).</summary>
    long GapsObserved { get; }

    /// <summary>The events lost before the flagged ones, summed.</summary>
    long LostEventsObserved { get; }

    /// <summary>Exceptions thrown by the handler (and its lifecycle hooks).</summary>
    long Failures { get; }

    /// <summary>The latest exception thrown by the handler, or null.</summary>
    Exception? LastException { get; }

    /// <summary>The sequence of the latest failed event, or -1.</summary>
    long LastFailedSequence { get; }

    /// <summary>Runs the processing loop on the calling thread until halted; call it once, from the consumer's dedicated thread.</summary>
    void Run();

    /// <summary>Asks the loop to stop after the current batch, without waiting for the remaining events.</summary>
    void Halt();
}
