using LowLatency.Replay.Capture;
using LowLatency.Replay.Market;
using LowLatency.Replay.Protocols;

namespace LowLatency.Replay.Feed;

/// <summary>
/// A capture loaded for serving: every market-data message of the recording with its recorded
/// time and <see cref="StreamKey"/>, already encoded as WebSocket frames, plus the recorded REST
/// responses and the quotes and trades the REST stub answers from.
/// </summary>
/// <remarks>
/// <para>Frames are encoded once at load time into one contiguous buffer per frame variant, in
/// recording order, so serving a run of consecutive messages is one memory copy. Binance has two
/// variants: variant 0 is the combined-stream wrapping (<c>{"stream":..,"data":..}</c>), variant
/// 1 the raw stream payload; every other exchange has one.</para>
/// <para>A feed is immutable once loaded and is shared by every connection and replayer that serves it.</para>
/// </remarks>
public sealed class RecordedFeed
{
    private readonly long[] _timestamps;
    private readonly int[] _keyIds;
    private readonly byte[][] _arenas;
    private readonly int[][] _frameStarts;
    private readonly byte[][] _headerLengths;

    internal RecordedFeed(string exchange, string source, long[] timestamps, int[] keyIds, byte[][] arenas, int[][] frameStarts,
        byte[][] headerLengths, StreamKeyTable keys, IReadOnlyList<RecordedRestResponse> restResponses, MarketTape tape,
        int sessionMessages, int unroutedMessages)
    {
        Exchange = exchange;
        Source = source;
        _timestamps = timestamps;
        _keyIds = keyIds;
        _arenas = arenas;
        _frameStarts = frameStarts;
        _headerLengths = headerLengths;
        Keys = keys;
        RestResponses = restResponses;
        Tape = tape;
        SessionMessages = sessionMessages;
        UnroutedMessages = unroutedMessages;
    }

    /// <summary>The exchange whose session the replayer speaks for this feed (<c>binance</c>, <c>kraken</c> ...).</summary>
    public string Exchange { get; }

    /// <summary>The capture file(s) it was loaded from.</summary>
    public string Source { get; }

    /// <summary>Market-data messages, in recording order.</summary>
    public int Count => _keyIds.Length;

    /// <summary>Frame variants per message (2 for Binance: combined-stream and raw; 1 otherwise).</summary>
    public int FrameVariants => _arenas.Length;

    /// <summary>The distinct keys of the messages.</summary>
    public StreamKeyTable Keys { get; }

    /// <summary>REST responses recorded with the capture, in recording order.</summary>
    public IReadOnlyList<RecordedRestResponse> RestResponses { get; }

    /// <summary>Quotes and trades for the REST stub.</summary>
    public MarketTape Tape { get; }

    /// <summary>Every symbol the recording names: in a message's key or in a quote or trade.</summary>
    public IEnumerable<string> Symbols => Tape.Symbols.Union(Keys.Symbols, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the recording names <paramref name="symbol"/> (case-insensitive), even in a channel with no quotes or trades (a book).</summary>
    public bool HasSymbol(string symbol) => Tape.Contains(symbol) || Keys.Symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase);

    /// <summary>Recorded session messages (acks, pongs, heartbeats) that are not replayed.</summary>
    public int SessionMessages { get; }

    /// <summary>Recorded messages that had no key (another API generation, invalid UTF-8) and are not replayed.</summary>
    public int UnroutedMessages { get; }

    /// <summary>Recorded receive time of the first message, ns since the epoch (0 when the capture had no times).</summary>
    public long StartTimestampNs => Count == 0 ? 0 : _timestamps[0];

    /// <summary>Recorded receive time of the last message.</summary>
    public long EndTimestampNs => Count == 0 ? 0 : _timestamps[^1];

    /// <summary>Recorded receive time of message <paramref name="index"/>, ns since the epoch.</summary>
    public long TimestampNs(int index) => _timestamps[index];

    /// <summary>The key id of message <paramref name="index"/> (see <see cref="Keys"/>).</summary>
    public int KeyId(int index) => _keyIds[index];

    /// <summary>The encoded frame of message <paramref name="index"/> in <paramref name="variant"/>.</summary>
    public ReadOnlySpan<byte> Frame(int index, int variant = 0)
    {
        var starts = _frameStarts[variant];
        return _arenas[variant].AsSpan(starts[index], starts[index + 1] - starts[index]);
    }

    /// <summary>The message bytes (the frame's payload) of message <paramref name="index"/> in <paramref name="variant"/>.</summary>
    public ReadOnlyMemory<byte> Payload(int index, int variant = 0)
    {
        var starts = _frameStarts[variant];
        int header = _headerLengths[variant][index];
        return _arenas[variant].AsMemory(starts[index] + header, starts[index + 1] - starts[index] - header);
    }

    /// <summary>Index of the first message recorded at or after <paramref name="timestampNs"/> (<see cref="Count"/> when none).</summary>
    public int IndexAtOrAfter(long timestampNs)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_timestamps[mid] < timestampNs)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    /// <summary>
    /// Loads capture file(s) for <paramref name="exchange"/>. A cryptofeed WebSocket file brings
    /// its HTTP companions (the REST snapshots recorded beside it) when they are not listed.
    /// </summary>
    /// <exception cref="UnknownReplayExchangeException">The exchange has no replay protocol.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="CaptureFormatException">A line is not in the capture's format.</exception>
    public static RecordedFeed Load(string exchange, IReadOnlyList<string> paths, CaptureFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
            throw new ArgumentException("Received no capture file; expected at least one path.", nameof(paths));
        var protocol = ExchangeProtocols.Get(exchange);
        var all = new List<string>(paths);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"Capture file '{path}' does not exist.", path);
            if ((format ?? CaptureFile.DetectFormat(path)) == CaptureFormat.Cryptofeed)
            {
                foreach (var companion in CaptureFile.CryptofeedCompanions(path))
                {
                    if (!all.Any(p => Path.GetFullPath(p) == companion))
                        all.Add(companion);
                }
            }
        }
        using var reader = CaptureFile.Open(all, format);
        return RecordedFeedLoader.Load(protocol, reader);
    }

    /// <summary>Loads one capture file for <paramref name="exchange"/> (see <see cref="Load(string, IReadOnlyList{string}, CaptureFormat?)"/>).</summary>
    public static RecordedFeed Load(string exchange, string path, CaptureFormat? format = null) => Load(exchange, [path], format);

    /// <summary>Loads every record of <paramref name="reader"/> for <paramref name="exchange"/>.</summary>
    public static RecordedFeed Load(string exchange, ICaptureReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return RecordedFeedLoader.Load(ExchangeProtocols.Get(exchange), reader);
    }

    internal int FrameStart(int index, int variant) => _frameStarts[variant][index];

    internal ReadOnlyMemory<byte> FrameMemory(int index, int variant)
    {
        var starts = _frameStarts[variant];
        return _arenas[variant].AsMemory(starts[index], starts[index + 1] - starts[index]);
    }

    internal ReadOnlyMemory<byte> FrameRunMemory(int from, int to, int variant)
    {
        var starts = _frameStarts[variant];
        return _arenas[variant].AsMemory(starts[from], starts[to] - starts[from]);
    }

    internal ReadOnlySpan<byte> FrameRun(int from, int to, int variant)
    {
        var starts = _frameStarts[variant];
        return _arenas[variant].AsSpan(starts[from], starts[to] - starts[from]);
    }

    internal int HeaderLength(int index, int variant) => _headerLengths[variant][index];
}
