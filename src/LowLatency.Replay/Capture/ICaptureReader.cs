namespace LowLatency.Replay.Capture;

/// <summary>Streams the records of a capture, one at a time, without loading the file.</summary>
public interface ICaptureReader : IDisposable
{
    /// <summary>Name of the source (the file path) for error messages.</summary>
    string Source { get; }

    /// <summary>Reads the next record; false at the end.</summary>
    /// <exception cref="CaptureFormatException">A line is not in the reader's format.</exception>
    bool TryRead(out CaptureRecord record);
}
