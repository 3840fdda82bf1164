namespace LowLatency.Replay.Capture;

/// <summary>One record of a capture.</summary>
/// <remarks>
/// <see cref="Url"/> and <see cref="Body"/> point into the reader's line buffer: they are valid
/// until the next read from the same reader (copy them to keep them).
/// </remarks>
/// <param name="Kind">What the record is.</param>
/// <param name="TimestampNs">Recorded receive (or send) time in ns since the epoch; 0 when the format has none.</param>
/// <param name="Url">Request or connection URL (empty for received frames).</param>
/// <param name="Body">The raw message or response body (empty for connects).</param>
/// <param name="LineNumber">1-based line of the record in its file.</param>
public readonly record struct CaptureRecord(CaptureRecordKind Kind, long TimestampNs, ReadOnlyMemory<byte> Url, ReadOnlyMemory<byte> Body, long LineNumber);
