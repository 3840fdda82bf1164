using LowLatency.Rest.Lane;
using Microsoft.Extensions.Logging;

namespace LowLatency.Rest.Logging;

/// <summary>
/// The lane's log messages. Every argument is already redacted (endpoints without secret
/// parameters, exception messages built from redacted values); no header is ever logged.
/// </summary>
internal static partial class RestLaneLog
{
    [LoggerMessage(EventId = 1, Message = "REST {Exchange} {Priority} {Method} {Endpoint} failed: {ErrorType}: {ErrorMessage}")]
    public static partial void RequestFailed(ILogger logger, LogLevel level, string exchange, RestPriority priority, string method, string endpoint, string errorType, string errorMessage, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "REST {Exchange} answered HTTP {StatusCode} to {Endpoint}: lane paused until {PausedUntil:O} (Retry-After {RetryAfterSeconds} s)")]
    public static partial void RateLimited(ILogger logger, string exchange, int statusCode, string endpoint, DateTimeOffset pausedUntil, double retryAfterSeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "REST {Exchange} circuit opened for {BreakSeconds} s after repeated server errors or timeouts")]
    public static partial void CircuitOpened(ILogger logger, string exchange, double breakSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "REST {Exchange} circuit half-open: probing with the next request")]
    public static partial void CircuitHalfOpened(ILogger logger, string exchange);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "REST {Exchange} circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string exchange);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "REST {Exchange} {Method} {Endpoint} retry {Attempt} in {DelayMilliseconds} ms after {ErrorType}")]
    public static partial void Retrying(ILogger logger, string exchange, string method, string endpoint, int attempt, double delayMilliseconds, string errorType);
}
