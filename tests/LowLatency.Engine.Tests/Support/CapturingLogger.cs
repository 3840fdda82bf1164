using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Appends every formatted log line (and exception text) to a shared queue.</summary>
public sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
}
