using System.Buffers.Text;
using System.IO.Compression;

namespace LowLatency.Replay.Recording;

/// <summary>
/// Writes our native capture format, one message per line: <c>&lt;unix_ns&gt;\t&lt;raw message&gt;\n</c>
/// (read back by <see cref="Capture.HbtCaptureReader"/>), optionally gzip-compressed, rotating by size.
/// </summary>
/// <remarks>
/// Single-threaded (the recorder's writer thread). A line break inside a message would split its
/// line, so CR and LF bytes are written as spaces (JSON whitespace, so the message means the same)
/// and counted in <see cref="MessagesRewritten"/>. No allocation per message.
/// </remarks>
public sealed class CaptureWriter : IDisposable
{
    private readonly CaptureWriterOptions _options;
    private readonly List<string> _files = [];
    private readonly string _firstPath;
    private Stream? _file;
    private Stream? _output;
    private long _fileBytes;
    private byte[] _scratch = new byte[4096];

    /// <summary>Creates the first file (replacing an existing one).</summary>
    public CaptureWriter(CaptureWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        if (options.RotateBytes is { } rotate)
            ArgumentOutOfRangeException.ThrowIfLessThan(rotate, 1, nameof(options));
        _options = options;
        _firstPath = options.Gzip && !options.Path.EndsWith(".gz", StringComparison.Ordinal) ? options.Path + ".gz" : options.Path;
        Open();
    }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Messages written.</summary>
    public long MessagesWritten { get; private set; }

    /// <summary>Messages whose line breaks were written as spaces.</summary>
    public long MessagesRewritten { get; private set; }

    /// <summary>Writes one message with its receive time.</summary>
    public void Write(long unixNs, ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_output is null, this);
        if (_options.RotateBytes is { } rotate && _fileBytes >= rotate)
            Rotate();
        Span<byte> prefix = stackalloc byte[21];
        Utf8Formatter.TryFormat(unixNs, prefix, out var digits);
        prefix[digits++] = (byte)'\t';
        _output.Write(prefix[..digits]);
        if (message.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            if (_scratch.Length < message.Length)
                _scratch = new byte[Math.Max(message.Length, _scratch.Length * 2)];
            var copy = _scratch.AsSpan(0, message.Length);
            message.CopyTo(copy);
            copy.Replace((byte)'\r', (byte)' ');
            copy.Replace((byte)'\n', (byte)' ');
            _output.Write(copy);
            MessagesRewritten++;
        }
        else
        {
            _output.Write(message);
        }
        _output.WriteByte((byte)'\n');
        _fileBytes += digits + message.Length + 1;
        MessagesWritten++;
    }

    /// <summary>Pushes buffered lines to the file (compressed data up to the last full block).</summary>
    public void Flush() => _output?.Flush();

    /// <summary>Completes and closes the current file.</summary>
    public void Dispose()
    {
        _output?.Dispose();
        _file?.Dispose();
        _output = null;
        _file = null;
    }

    private void Rotate()
    {
        _output!.Dispose();
        _file!.Dispose();
        Open();
    }

    private void Open()
    {
        var path = _files.Count == 0 ? _firstPath : RotatedPath(_firstPath, _files.Count);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _output = _options.Gzip ? new BufferedStream(new GZipStream(_file, CompressionLevel.Fastest), 1 << 16) : _file;
        _files.Add(path);
        _fileBytes = 0;
    }

    /// <summary><c>dir/btc.txt.gz</c> → <c>dir/btc.3.txt.gz</c>.</summary>
    private static string RotatedPath(string first, int number)
    {
        var folder = System.IO.Path.GetDirectoryName(first) ?? string.Empty;
        var name = System.IO.Path.GetFileName(first);
        var dot = name.IndexOf('.', 1);
        var rotated = dot < 0 ? $"{name}.{number}" : $"{name[..dot]}.{number}{name[dot..]}";
        return System.IO.Path.Combine(folder, rotated);
    }
}
