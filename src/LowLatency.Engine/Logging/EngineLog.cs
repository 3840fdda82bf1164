using LowLatency.Feeds.Books;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Logging;

/// <summary>The engine's log messages (source-generated: no formatting cost when the level is off).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connection {Key} connecting to {Uri}")]
    public static partial void Connecting(ILogger logger, string key, Uri uri);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connection {Key} up (connection #{Number}), {Topics} topics subscribed")]
    public static partial void Connected(ILogger logger, string key, int number, int topics);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Connection {Key} lost: {Reason}; retrying in {Delay}")]
    public static partial void Lost(ILogger logger, string key, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Connection {Key} closed: no subscriber left")]
    public static partial void Closed(ILogger logger, string key);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Book snapshot of {Instrument} failed: {Reason}; retrying in {Delay}")]
    public static partial void SnapshotFailed(ILogger logger, string instrument, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Book of {Instrument} asks for a snapshot ({Reason})")]
    public static partial void SnapshotRequested(ILogger logger, string instrument, ResyncReason reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Strategy {Strategy} threw on {Callback}; later failures are counted, not logged")]
    public static partial void StrategyFailed(ILogger logger, Exception exception, string strategy, string callback);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Data quality {Change}")]
    public static partial void QualityChanged(ILogger logger, string change);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "REST fallback for {Instrument} failed: {Reason}")]
    public static partial void FallbackFailed(ILogger logger, string instrument, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Engine started: ring {RingSize} slots ({Policy}), consumers {Plan}, WebSocket {WebSocket}")]
    public static partial void Started(ILogger logger, int ringSize, string policy, string plan, string webSocket);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Connection {Key}: resubscribing {Topic} to resynchronise its book failed: {Reason}")]
    public static partial void ResubscribeFailed(ILogger logger, string key, string topic, string reason);
}
