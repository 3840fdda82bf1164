using System.Globalization;
using System.Text;

namespace LowLatency.Rest.Signing;

/// <summary>
/// Kraken nonces that only ever increase: each is the later of the clock (Unix milliseconds) and
/// the last nonce plus one, and is written to a file before it is used, so a restarted process
/// or a clock stepped back never reuses or lowers one.
/// </summary>
/// <remarks>
/// Writing ahead means a crash between the write and the send only skips a nonce, which Kraken
/// accepts; reading a nonce that was never persisted could go backwards, which it rejects. The
/// file is replaced atomically (write a temporary file, flush to disk, rename) so a crash never
/// leaves it half written. One file per API key: Kraken tracks nonces per key.
/// </remarks>
public sealed class KrakenNonceSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private long _last;

    /// <summary>Opens (or starts) the nonce file.</summary>
    /// <param name="path">The file the last nonce is kept in; its folder is created if missing.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <exception cref="InvalidDataException">The file exists but does not hold a nonce.</exception>
    public KrakenNonceSource(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _last = ReadPersisted(_path);
    }

    /// <summary>The last nonce handed out (or read from the file), 0 when none yet.</summary>
    public long Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>The next nonce: larger than every nonce before it, persisted before it is returned.</summary>
    /// <returns>The nonce to send.</returns>
    public long Next()
    {
        lock (_gate)
        {
            long now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            long next = Math.Max(now, _last + 1);
            Persist(next);
            _last = next;
            return next;
        }
    }

    private void Persist(long nonce)
    {
        string? folder = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(nonce.ToString(CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static long ReadPersisted(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        string text = File.ReadAllText(path).Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new InvalidDataException($"The Kraken nonce file '{path}' holds '{(text.Length > 32 ? text[..32] + "..." : text)}', expected a non-negative integer; refusing to guess a nonce that could go backwards.");
        }

        return value;
    }
}
