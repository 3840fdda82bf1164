using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Keeps every formatted log line (and exception text) of every category.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(Lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
