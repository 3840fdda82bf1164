namespace LowLatency.Feeds.Parsing;

/// <summary>Counts of parse outcomes for one parser (one thread writes, others may read).</summary>
public sealed class ParseCounters
{
    private readonly long[] _errors = new long[Enum.GetValues<ParseError>().Length];
    private long _messages;
    private long _events;
    private long _ignored;
    private long _unknown;
    private long _failed;

    /// <summary>Messages seen.</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Events written.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary>Known messages without data (acks, heartbeats).</summary>
    public long Ignored => Volatile.Read(ref _ignored);

    /// <summary>Messages not recognised.</summary>
    public long Unknown => Volatile.Read(ref _unknown);

    /// <summary>Messages rejected for any <see cref="ParseError"/>.</summary>
    public long Errors => Volatile.Read(ref _failed);

    /// <summary>Messages rejected for <paramref name="error"/>.</summary>
    public long ErrorsOf(ParseError error) => Volatile.Read(ref _errors[(int)error]);

    /// <summary>Adds one outcome.</summary>
    public void Record(ParseResult result)
    {
        Volatile.Write(ref _messages, _messages + 1);
        switch (result.Status)
        {
            case ParseStatus.Ok:
                Volatile.Write(ref _events, _events + result.EventCount);
                break;
            case ParseStatus.Ignored:
                Volatile.Write(ref _ignored, _ignored + 1);
                break;
            case ParseStatus.Unknown:
                Volatile.Write(ref _unknown, _unknown + 1);
                break;
            default:
                Volatile.Write(ref _failed, _failed + 1);
                Volatile.Write(ref _errors[(int)result.Error], _errors[(int)result.Error] + 1);
                break;
        }
    }
}
