namespace LowLatency.Replay.Recording;

/// <summary>How a <see cref="CaptureRecorder"/> writes and how much it buffers.</summary>
public sealed record CaptureRecorderOptions
{
    /// <summary>The capture file(s).</summary>
    public required CaptureWriterOptions Writer { get; init; }

    /// <summary>Messages that may wait for the writer thread; when full, new messages are dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; init; } = 1 << 16;

    /// <summary>How often an idle writer pushes what it wrote to the file.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
