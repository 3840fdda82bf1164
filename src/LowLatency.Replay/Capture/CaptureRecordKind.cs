namespace LowLatency.Replay.Capture;

/// <summary>What a capture record is.</summary>
public enum CaptureRecordKind : byte
{
    /// <summary>A message received on the WebSocket.</summary>
    Received = 0,

    /// <summary>The body of an HTTP response; <see cref="CaptureRecord.Url"/> is the request URL.</summary>
    RestResponse,

    /// <summary>A message the client sent (subscriptions).</summary>
    Sent,

    /// <summary>A WebSocket connect to <see cref="CaptureRecord.Url"/>.</summary>
    Connected,
}
