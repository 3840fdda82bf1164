using LowLatency.Core.Threading;
using Microsoft.Extensions.Logging;

namespace LowLatency.Core.Ring;

/// <summary>Graph-wide settings of a <see cref="ConsumerGraph{T}"/>.</summary>
public sealed record ConsumerGraphOptions
{
    /// <summary>Where handler failures, pinning problems and stuck shutdowns are logged; nothing when null.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>What consumers do when their handler throws, unless a consumer says otherwise; <see cref="HandlerExceptionPolicy.Continue"/> by default.</summary>
    public HandlerExceptionPolicy ExceptionPolicy { get; init; } = HandlerExceptionPolicy.Continue;

    /// <summary>CPU pins for consumers, by their index in the order they were added; none when null.</summary>
    public CpuPlan? CpuPlan { get; init; }

    /// <summary>How long <see cref="ConsumerGraph{T}.Start"/> waits for the threads to run and <see cref="ConsumerGraph{T}.Halt"/> for them to end.</summary>
    public TimeSpan ThreadTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
