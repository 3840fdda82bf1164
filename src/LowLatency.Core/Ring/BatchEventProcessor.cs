using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowLatency.Core.Ring;

/// <summary>
/// Runs one consumer of a ring: waits on its barrier for a batch of available events, hands each
/// to the handler in place, then advances its sequence once per batch.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <typeparam name="THandler">
/// The handler, a struct (the loop is compiled for it: direct, inlinable calls) or a sealed class
/// (see <see cref="IEventHandler{T}"/> for the difference).
/// </typeparam>
/// <remarks>
/// <para>
/// Handler exceptions never kill the thread silently: the first is logged with its context
/// (consumer, handler type, sequence, ring), every one is counted (<see cref="Failures"/>) and kept
/// (<see cref="LastException"/>, <see cref="LastFailedSequence"/>), and the processor then skips
/// the event (<see cref="HandlerExceptionPolicy.Continue"/>) or stops in
/// <see cref="ProcessorState.Faulted"/> (<see cref="HandlerExceptionPolicy.Halt"/>).
/// </para>
/// <para>
/// On a <see cref="FullRingPolicy.DropAndFlagGap"/> ring the processor reads each event's
/// <see cref="RingBuffer{T}.LostBefore"/> and counts flagged events and lost events
/// (<see cref="GapsObserved"/>, <see cref="LostEventsObserved"/>); handlers that must react to a
/// gap query the same method for the sequence they are given.
/// </para>
/// </remarks>
public sealed class BatchEventProcessor<T, THandler> : IEventProcessor
    where T : struct
    where THandler : IEventHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _signalOnAdvance;
    private readonly bool _countGaps;
    private readonly HandlerExceptionPolicy _policy;
    private readonly ILogger _logger;
    private THandler _handler;
    private int _state;
    private long _events;
    private long _batches;
    private long _maxBatch;
    private long _lastBatch;
    private long _gaps;
    private long _lost;
    private long _failures;
    private long _lastFailedSequence = -1;
    private Exception? _lastException;

    /// <summary>Creates a processor; run it with <see cref="Run"/> on a dedicated thread (or let <see cref="ConsumerGraph{T}"/> do it).</summary>
    /// <param name="ring">The ring to consume.</param>
    /// <param name="barrier">What to wait on: <c>ring.NewBarrier()</c> for a first consumer, or the upstream consumers' sequences.</param>
    /// <param name="handler">The handler; a struct is copied into the processor (see <see cref="Handler"/>).</param>
    /// <param name="name">The consumer's name, for its thread and logs.</param>
    /// <param name="policy">What to do when the handler throws.</param>
    /// <param name="logger">Where failures go; nothing is logged when null.</param>
    public BatchEventProcessor(RingBuffer<T> ring, SequenceBarrier barrier, THandler handler, string name,
        HandlerExceptionPolicy policy = HandlerExceptionPolicy.Continue, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(barrier);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (policy is not (HandlerExceptionPolicy.Continue or HandlerExceptionPolicy.Halt))
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Expected HandlerExceptionPolicy.Continue or HandlerExceptionPolicy.Halt.");
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        _waitStrategy = ring.WaitStrategy;
        _signalOnAdvance = _waitStrategy.IsBlocking;
        _countGaps = ring.Policy == FullRingPolicy.DropAndFlagGap;
        _policy = policy;
        _logger = logger ?? NullLogger.Instance;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Sequence Sequence { get; } = new();

    /// <summary>The barrier this processor waits on.</summary>
    public SequenceBarrier Barrier => _barrier;

    /// <summary>
    /// The handler inside the processor, by reference (a struct handler's state lives here). Read it
    /// from another thread only after the processor stopped.
    /// </summary>
    public ref THandler Handler => ref _handler;

    /// <inheritdoc />
    public ProcessorState State => (ProcessorState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public long EventsProcessed => Volatile.Read(ref _events);

    /// <inheritdoc />
    public long Batches => Volatile.Read(ref _batches);

    /// <inheritdoc />
    public long MaxBatchSize => Volatile.Read(ref _maxBatch);

    /// <inheritdoc />
    public long LastBatchSize => Volatile.Read(ref _lastBatch);

    /// <inheritdoc />
    public long Lag => Math.Max(0, _ring.Cursor - Sequence.Value);

    /// <inheritdoc />
    public long GapsObserved => Volatile.Read(ref _gaps);

    /// <inheritdoc />
    public long LostEventsObserved => Volatile.Read(ref _lost);

    /// <inheritdoc />
    public long Failures => Volatile.Read(ref _failures);

    /// <inheritdoc />
    public Exception? LastException => Volatile.Read(ref _lastException);

    /// <inheritdoc />
    public long LastFailedSequence => Volatile.Read(ref _lastFailedSequence);

    /// <inheritdoc />
    public void Halt() => _barrier.Alert();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The processor already ran.</exception>
    public void Run()
    {
        if (Interlocked.CompareExchange(ref _state, (int)ProcessorState.Running, (int)ProcessorState.Idle) != (int)ProcessorState.Idle)
            throw new InvalidOperationException($"Consumer {Name} was already started (state {State}); a processor runs once.");

        if (!RunHook(started: true))
            return;
        bool faulted = !ProcessEvents();
        if (!RunHook(started: false))
            return;
        long failures = Failures;
        if (failures > 1)
            RingLog.FailureSummary(_logger, Name, failures, LastFailedSequence, LastException?.Message ?? string.Empty);
        Volatile.Write(ref _state, (int)(faulted ? ProcessorState.Faulted : ProcessorState.Halted));
    }

    /// <summary>The loop; false when it stopped on a handler failure under <see cref="HandlerExceptionPolicy.Halt"/>.</summary>
    private bool ProcessEvents()
    {
        long next = Sequence.Value + 1;
        while (true)
        {
            long available = _barrier.WaitFor(next);
            if (available < next)
                return true;

            long sequence = next;
            try
            {
                for (; sequence <= available; sequence++)
                {
                    if (_countGaps)
                        CountGap(sequence);
                    _handler.OnEvent(ref _ring[sequence], sequence, sequence == available);
                }
            }
            catch (Exception ex)
            {
                RecordFailure(ex, sequence);
                if (_policy == HandlerExceptionPolicy.Halt)
                {
                    // Events before the failed one are done: release them downstream.
                    if (sequence > next)
                        Advance(next, sequence - 1);
                    return false;
                }
                available = sequence;
            }
            Advance(next, available);
            next = available + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance(long first, long last)
    {
        long size = last - first + 1;
        Volatile.Write(ref _events, _events + size);
        Volatile.Write(ref _batches, _batches + 1);
        Volatile.Write(ref _lastBatch, size);
        if (size > _maxBatch)
            Volatile.Write(ref _maxBatch, size);
        Sequence.SetValue(last);
        if (_signalOnAdvance)
            _waitStrategy.SignalAllWhenBlocking();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountGap(long sequence)
    {
        long lost = _ring.LostBefore(sequence);
        if (lost != 0)
        {
            Volatile.Write(ref _gaps, _gaps + 1);
            Volatile.Write(ref _lost, _lost + lost);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordFailure(Exception exception, long sequence)
    {
        Volatile.Write(ref _lastException, exception);
        Volatile.Write(ref _lastFailedSequence, sequence);
        if (Interlocked.Increment(ref _failures) == 1)
            RingLog.HandlerFailed(_logger, exception, Name, typeof(THandler).Name, sequence, _ring.Name, _policy);
    }

    /// <summary>Runs OnStart or OnShutdown; a failure there faults the processor (it is logged and kept like any other).</summary>
    private bool RunHook(bool started)
    {
        try
        {
            if (started)
                _handler.OnStart();
            else
                _handler.OnShutdown();
            return true;
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _lastException, ex);
            Interlocked.Increment(ref _failures);
            RingLog.LifecycleFailed(_logger, ex, Name, typeof(THandler).Name, started ? nameof(IEventHandler<T>.OnStart) : nameof(IEventHandler<T>.OnShutdown), _ring.Name);
            Volatile.Write(ref _state, (int)ProcessorState.Faulted);
            return false;
        }
    }
}
