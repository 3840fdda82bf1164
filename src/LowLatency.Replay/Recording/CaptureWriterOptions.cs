namespace LowLatency.Replay.Recording;

/// <summary>Where and how a capture is written.</summary>
public sealed record CaptureWriterOptions
{
    /// <summary>The first file's path; rotated files insert <c>.1</c>, <c>.2</c> ... before the extension (<c>btc.txt</c>, <c>btc.1.txt</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Compresses with gzip (<c>.gz</c> is appended to the path when missing); the readers detect it by its magic bytes.</summary>
    public bool Gzip { get; init; }

    /// <summary>Starts a new file once a file holds this many bytes of text (before compression); null never rotates.</summary>
    public long? RotateBytes { get; init; }
}
