using Microsoft.Extensions.Logging;

namespace LowLatency.Core.Ring;

/// <summary>Log messages of the ring, defined once so logging a failure costs no formatting when the level is off.</summary>
internal static partial class RingLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "Consumer {Consumer} ({Handler}) threw at sequence {Sequence} of ring {Ring}; policy {Policy}. Further failures of this consumer are counted, not logged.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string consumer, string handler, long sequence, string ring, HandlerExceptionPolicy policy);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "Consumer {Consumer} ({Handler}) failed in {Hook} on ring {Ring}; the consumer is faulted.")]
    public static partial void LifecycleFailed(ILogger logger, Exception exception, string consumer, string handler, string hook, string ring);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Consumer {Consumer} stopped after {Failures} handler failures; the last at sequence {Sequence}: {Error}.")]
    public static partial void FailureSummary(ILogger logger, string consumer, long failures, long sequence, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Consumer {Consumer} did not stop within {Timeout}; its handler may be stuck.")]
    public static partial void StopTimedOut(ILogger logger, string consumer, TimeSpan timeout);
}
