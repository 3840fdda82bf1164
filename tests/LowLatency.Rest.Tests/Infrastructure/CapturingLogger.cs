using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>Keeps everything a logger is given: level, formatted message, every structured value and the exception text.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToList();

    /// <summary>All captured text, for "never contains" assertions.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var parts = new List<string> { formatter(state, exception) };
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
        }

        if (exception is not null)
        {
            parts.Add(exception.ToString());
        }

        _entries.Enqueue(new CapturedLog(logLevel, formatter(state, exception), string.Join(" | ", parts)));
    }
}
