using System.Globalization;

namespace LowLatency.Replay.Faults;

/// <summary>
/// One fault to inject, parsed from a spec string <c>KIND[:KEY=VALUE[,KEY=VALUE]...]</c>
/// (the CLI's <c>--fault SPEC</c>).
/// </summary>
/// <remarks>
/// <para><b>Message faults</b> (<c>disconnect</c>, <c>stall</c>, <c>duplicate</c>, <c>reorder</c>,
/// <c>drop</c>, <c>corrupt</c>, <c>truncate</c>) number the data messages each connection's
/// subscriptions select from 1, on every connection separately (acks and pongs are not counted),
/// and fire on:</para>
/// <list type="bullet">
/// <item><c>at=N</c>: message N.</item>
/// <item><c>after=N</c>: message N+1 (N messages get through).</item>
/// <item><c>every=K</c>: messages K, 2K, 3K ...</item>
/// <item><c>rate=P</c>: each message with probability P (0 &lt; P ≤ 1), drawn from <c>seed=</c>.</item>
/// <item><c>count=C</c>: at most C times per connection (default: once for <c>at</c>/<c>after</c>, unlimited otherwise).</item>
/// <item><c>seed=S</c>: seeds <c>rate</c>, corrupt's byte positions and reorder's shuffle (default 1); the same seed gives the same positions on every run and machine.</item>
/// </list>
/// <para>Per kind: <c>stall:for=D</c> (required; <c>500ms</c>, <c>2s</c>, <c>1.5s</c>);
/// <c>reorder:window=W</c> (default 4, at least 2); <c>corrupt:bytes=B</c> (default 1);
/// <c>disconnect:code=C</c> (close with code C instead of dropping the TCP connection).</para>
/// <para><b>Connection and REST faults</b> count replayer-wide: <c>refuse:count=K[,status=S]</c>
/// refuses the next K connection attempts (default K 1, status 503; <c>status=0</c> closes the
/// TCP connection unanswered); <c>rest:status=S</c> answers REST requests (numbered from 1) with
/// status S, on all of them unless <c>at</c>, <c>every</c>, <c>rate</c> or <c>count</c> narrow it,
/// and <c>path=PREFIX</c> limits it to paths starting with PREFIX.</para>
/// <para>When several faults fire on the same message, the one given first applies.</para>
/// <para>Examples: <c>disconnect:after=1000</c>, <c>drop:every=500</c>, <c>drop:rate=0.01,seed=7</c>,
/// <c>stall:at=200,for=2s</c>, <c>reorder:at=10,window=5,seed=3</c>, <c>corrupt:every=100,bytes=2</c>,
/// <c>truncate:after=50</c>, <c>refuse:count=3</c>, <c>rest:status=429,count=2</c>.</para>
/// </remarks>
public sealed record FaultSpec
{
    private static readonly string[] MessageTriggers = ["at", "after", "every", "rate", "count", "seed"];

    private FaultSpec(FaultKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The kind of fault.</summary>
    public FaultKind Kind { get; }

    /// <summary>The spec as written.</summary>
    public string Text { get; }

    /// <summary>The 1-based message (or request) number it fires on (<c>at</c>, or <c>after</c>+1); null when not set.</summary>
    public long? At { get; private init; }

    /// <summary>Fires on every multiple of this number; null when not set.</summary>
    public long? Every { get; private init; }

    /// <summary>Fires on each message with this probability; null when not set.</summary>
    public double? Rate { get; private init; }

    /// <summary>Most times it applies (per connection for message faults, replayer-wide otherwise); null for no limit.</summary>
    public long? Count { get; private init; }

    /// <summary>The seed of every random choice the fault makes.</summary>
    public ulong Seed { get; private init; } = 1;

    /// <summary>How long a stall lasts.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>Messages a reorder shuffles.</summary>
    public int Window { get; private init; } = 4;

    /// <summary>Bytes a corruption replaces.</summary>
    public int Bytes { get; private init; } = 1;

    /// <summary>Close code a disconnect sends; null drops the TCP connection without a close frame.</summary>
    public int? CloseCode { get; private init; }

    /// <summary>HTTP status of a refusal or a REST fault (0: close unanswered).</summary>
    public int Status { get; private init; }

    /// <summary>REST path prefix a REST fault is limited to; null for every path.</summary>
    public string? PathPrefix { get; private init; }

    /// <summary>True for the faults that fire on data messages of a connection.</summary>
    public bool IsMessageFault => Kind <= FaultKind.Truncate;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses a spec.</summary>
    /// <exception cref="FaultSpecException">The spec does not follow the syntax; the message says what was expected.</exception>
    public static FaultSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        var kind = name switch
        {
            "disconnect" => FaultKind.Disconnect,
            "stall" => FaultKind.Stall,
            "duplicate" => FaultKind.Duplicate,
            "reorder" => FaultKind.Reorder,
            "drop" => FaultKind.Drop,
            "corrupt" => FaultKind.Corrupt,
            "truncate" => FaultKind.Truncate,
            "refuse" => FaultKind.Refuse,
            "rest" => FaultKind.Rest,
            _ => throw new FaultSpecException(spec, $"unknown kind '{name}'; expected disconnect, stall, duplicate, reorder, drop, corrupt, truncate, refuse or rest"),
        };
        var values = ParseParameters(spec, colon < 0 ? string.Empty : text[(colon + 1)..]);
        var allowed = kind switch
        {
            FaultKind.Stall => [.. MessageTriggers, "for"],
            FaultKind.Reorder => [.. MessageTriggers, "window"],
            FaultKind.Corrupt => [.. MessageTriggers, "bytes"],
            FaultKind.Disconnect => [.. MessageTriggers, "code"],
            FaultKind.Refuse => ["count", "status"],
            FaultKind.Rest => ["status", "at", "every", "rate", "count", "seed", "path"],
            _ => MessageTriggers,
        };
        foreach (var key in values.Keys)
        {
            if (!allowed.Contains(key))
                throw new FaultSpecException(spec, $"unknown parameter '{key}' for {name}; expected {string.Join(", ", allowed)}");
        }

        var at = OptionalLong(spec, values, "at", 1);
        if (OptionalLong(spec, values, "after", 0) is { } after)
        {
            if (at is not null)
                throw new FaultSpecException(spec, "give at= or after=, not both");
            at = after + 1;
        }
        var every = OptionalLong(spec, values, "every", 1);
        var rate = OptionalRate(spec, values);
        var triggers = (at is null ? 0 : 1) + (every is null ? 0 : 1) + (rate is null ? 0 : 1);
        if (triggers > 1)
            throw new FaultSpecException(spec, "give one of at=, after=, every= or rate=");
        var count = OptionalLong(spec, values, "count", 1);
        if (kind <= FaultKind.Truncate && triggers == 0)
            throw new FaultSpecException(spec, $"{name} needs at=N, after=N, every=K or rate=P to say which messages it hits");

        var result = new FaultSpec(kind, text)
        {
            At = at,
            Every = every,
            Rate = rate,
            Count = count ?? (at is not null && kind != FaultKind.Rest ? 1 : null),
            Seed = OptionalSeed(spec, values) ?? 1,
            Window = (int)(OptionalLong(spec, values, "window", 2) ?? 4),
            Bytes = (int)(OptionalLong(spec, values, "bytes", 1) ?? 1),
            CloseCode = (int?)OptionalLong(spec, values, "code", 1000),
            PathPrefix = values.GetValueOrDefault("path"),
        };
        return kind switch
        {
            FaultKind.Stall => result with { Duration = RequiredDuration(spec, values) },
            FaultKind.Refuse => result with { Count = count ?? 1, Status = RefuseStatus(spec, values) },
            FaultKind.Rest => result with { Status = RequiredStatus(spec, values) },
            _ => result,
        };
    }

    /// <summary>Parses a spec; false (with the reason) when it is invalid.</summary>
    public static bool TryParse(string spec, out FaultSpec? fault, out string? error)
    {
        try
        {
            fault = Parse(spec);
            error = null;
            return true;
        }
        catch (FaultSpecException ex)
        {
            fault = null;
            error = ex.Message;
            return false;
        }
    }

    private static Dictionary<string, string> ParseParameters(string spec, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
                throw new FaultSpecException(spec, $"'{part}' is not KEY=VALUE");
            if (!values.TryAdd(part[..equals], part[(equals + 1)..]))
                throw new FaultSpecException(spec, $"'{part[..equals]}' is given twice");
        }
        return values;
    }

    private static long? OptionalLong(string spec, Dictionary<string, string> values, string key, long minimum)
    {
        if (!values.TryGetValue(key, out var text))
            return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
            throw new FaultSpecException(spec, $"{key}={text} is not a whole number of at least {minimum}");
        return value;
    }

    private static ulong? OptionalSeed(string spec, Dictionary<string, string> values)
    {
        if (!values.TryGetValue("seed", out var text))
            return null;
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            throw new FaultSpecException(spec, $"seed={text} is not a whole number");
        return seed;
    }

    private static double? OptionalRate(string spec, Dictionary<string, string> values)
    {
        if (!values.TryGetValue("rate", out var text))
            return null;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate is <= 0 or > 1)
            throw new FaultSpecException(spec, $"rate={text} is not a probability in (0, 1]");
        return rate;
    }

    private static TimeSpan RequiredDuration(string spec, Dictionary<string, string> values)
    {
        if (!values.TryGetValue("for", out var text))
            throw new FaultSpecException(spec, "stall needs for=DURATION, e.g. for=500ms or for=2s");
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (string.Empty, 0.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new FaultSpecException(spec, $"for={text} is not a duration such as 500ms or 2s");
        return TimeSpan.FromMilliseconds(value * scale);
    }

    private static int RefuseStatus(string spec, Dictionary<string, string> values)
    {
        var status = OptionalLong(spec, values, "status", 0) ?? 503;
        if (status != 0 && status is < 400 or > 599)
            throw new FaultSpecException(spec, $"status={status} is neither 0 (close unanswered) nor an HTTP error status (400 to 599)");
        return (int)status;
    }

    private static int RequiredStatus(string spec, Dictionary<string, string> values)
    {
        if (!values.TryGetValue("status", out var text))
            throw new FaultSpecException(spec, "rest needs status=CODE, e.g. status=429 or status=503");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 400 or > 599)
            throw new FaultSpecException(spec, $"status={text} is not an HTTP error status (400 to 599)");
        return status;
    }
}
