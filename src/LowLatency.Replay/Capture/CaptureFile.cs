using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LowLatency.Replay.Capture;

/// <summary>Opens capture files: detects gzip by its magic bytes and the format from the first line when not given.</summary>
public static partial class CaptureFile
{
    /// <summary>Opens <paramref name="path"/> as <paramref name="format"/>, or as the detected format when null.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ICaptureReader Open(string path, CaptureFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? DetectFormat(path);
        var stream = OpenDecompressed(path);
        return resolved switch
        {
            CaptureFormat.Hbt => new HbtCaptureReader(stream, path),
            CaptureFormat.Cryptofeed => new CryptofeedCaptureReader(stream, path),
            _ => new LinesCaptureReader(stream, path),
        };
    }

    /// <summary>Opens several files merged by timestamp (one file is returned as is).</summary>
    public static ICaptureReader Open(IReadOnlyList<string> paths, CaptureFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 1)
            return Open(paths[0], format);
        var readers = new List<ICaptureReader>(paths.Count);
        try
        {
            foreach (var path in paths)
                readers.Add(Open(path, format));
        }
        catch
        {
            foreach (var reader in readers)
                reader.Dispose();
            throw;
        }
        return new MergedCaptureReader(readers);
    }

    /// <summary>Guesses the format from the first non-empty line.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CaptureFormat DetectFormat(string path)
    {
        using var lines = new LineReader(OpenDecompressed(path));
        while (lines.TryReadLine(out var line))
        {
            if (line.IsEmpty)
                continue;
            var head = System.Text.Encoding.UTF8.GetString(line.Span[..Math.Min(line.Length, 1 << 16)]);
            if (HbtLine().IsMatch(head))
                return CaptureFormat.Hbt;
            if (CryptofeedLine().IsMatch(head))
                return CaptureFormat.Cryptofeed;
            return CaptureFormat.Lines;
        }
        return CaptureFormat.Lines;
    }

    /// <summary>
    /// The cryptofeed HTTP files recorded with a WebSocket file (<c>BINANCE.ws.1.0</c> goes with
    /// <c>BINANCE.http.*</c> in the same folder): their REST snapshots belong to the replay.
    /// </summary>
    public static IReadOnlyList<string> CryptofeedCompanions(string wsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(wsPath);
        var name = Path.GetFileName(wsPath);
        var marker = name.IndexOf(".ws.", StringComparison.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(wsPath));
        if (marker <= 0 || folder is null || !Directory.Exists(folder))
            return [];
        return [.. Directory.EnumerateFiles(folder, name[..marker] + ".http.*").Order(StringComparer.Ordinal)];
    }

    private static Stream OpenDecompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    [GeneratedRegex(@"^\d+[ \t][\[{]")]
    private static partial Regex HbtLine();

    [GeneratedRegex(@"^(\d+(\.\d+)?: |\S+ (->|<-|<->) \d)")]
    private static partial Regex CryptofeedLine();
}
