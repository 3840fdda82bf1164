using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowLatency.Core.Threading;

/// <summary>
/// A named background thread that runs one long-lived loop (a ring consumer), optionally pinned
/// to a CPU and given a priority, both applied from the thread itself before the loop starts.
/// </summary>
/// <remarks>
/// A thread that cannot be pinned logs why and runs unpinned (<see cref="Affinity"/> tells). An
/// exception escaping the loop is logged as critical and kept in <see cref="Failure"/> instead of
/// tearing the process down; the loops of this library catch their own failures, so this is the
/// last line of defence against a silent dead thread.
/// </remarks>
public sealed class DedicatedThread
{
    private readonly DedicatedThreadOptions _options;
    private readonly Action _body;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private int _affinity;
    private Exception? _failure;

    /// <summary>Creates (but does not start) the thread.</summary>
    /// <param name="options">Name, CPU and priority.</param>
    /// <param name="body">The loop to run.</param>
    /// <param name="logger">Where pinning problems and a dying thread are reported.</param>
    public DedicatedThread(DedicatedThreadOptions options, Action body, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        _options = options;
        _body = body;
        _logger = logger ?? NullLogger.Instance;
        _thread = new Thread(Main) { Name = options.Name, IsBackground = true };
    }

    /// <summary>The thread's name.</summary>
    public string Name => _options.Name;

    /// <summary>What became of the pinning request (set by the thread when it starts).</summary>
    public AffinityOutcome Affinity => (AffinityOutcome)Volatile.Read(ref _affinity);

    /// <summary>The exception that escaped the loop, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>True while the thread runs.</summary>
    public bool IsAlive => _thread.IsAlive;

    /// <summary>Starts the thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Waits for the thread to end.</summary>
    /// <returns>False when it was still running after <paramref name="timeout"/>.</returns>
    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Main()
    {
        if (_options.Cpu is int cpu)
            Pin(cpu);
        if (_options.Priority is ThreadPriority priority)
        {
            try
            {
                Thread.CurrentThread.Priority = priority;
            }
            catch (ThreadStateException ex)
            {
                ThreadingLog.PriorityFailed(_logger, ex, Name, priority);
            }
        }

        try
        {
            _body();
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _failure, ex);
            ThreadingLog.ThreadDied(_logger, ex, Name);
        }
    }

    private void Pin(int cpu)
    {
        AffinityOutcome outcome;
        if (ThreadAffinity.TryPinCurrentThread(cpu, out int error))
        {
            outcome = AffinityOutcome.Pinned;
            ThreadingLog.Pinned(_logger, Name, cpu);
        }
        else if (!ThreadAffinity.IsSupported)
        {
            outcome = AffinityOutcome.Unsupported;
            ThreadingLog.PinUnsupported(_logger, Name, RuntimeInformation.OSDescription, cpu);
        }
        else
        {
            outcome = AffinityOutcome.Failed;
            ThreadingLog.PinFailed(_logger, Name, cpu, error);
        }
        Volatile.Write(ref _affinity, (int)outcome);
    }
}
