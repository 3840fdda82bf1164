using Microsoft.Extensions.Logging;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>One captured log call: level, formatted message, and everything it carried as text.</summary>
public sealed record CapturedLog(LogLevel Level, string Message, string Text);
