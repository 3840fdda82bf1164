using System.Globalization;

namespace LowLatency.Replay.Server;

/// <summary>How fast a replay runs against the recorded timestamps: real time, N times faster, or as fast as possible.</summary>
public readonly record struct ReplaySpeed
{
    private ReplaySpeed(double factor) => Factor = factor;

    /// <summary>Recorded time per wall-clock time (1 for real time, <see cref="double.PositiveInfinity"/> for max).</summary>
    public double Factor { get; }

    /// <summary>True when timestamps are ignored and messages go out as fast as the client takes them.</summary>
    public bool IsMax => double.IsPositiveInfinity(Factor);

    /// <summary>The recorded inter-arrival times.</summary>
    public static ReplaySpeed RealTime => new(1);

    /// <summary>As fast as possible.</summary>
    public static ReplaySpeed Max => new(double.PositiveInfinity);

    /// <summary><paramref name="factor"/> times faster than recorded (0.5 is half speed).</summary>
    public static ReplaySpeed Times(double factor)
    {
        if (!(factor > 0) || double.IsNaN(factor))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A replay speed factor must be above 0.");
        return new ReplaySpeed(factor);
    }

    /// <summary>Parses <c>realtime</c>, <c>max</c>, <c>xN</c> or <c>Nx</c> (e.g. <c>x10</c>, <c>2.5x</c>).</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static ReplaySpeed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value == "realtime")
            return RealTime;
        if (value == "max")
            return Max;
        var number = value.StartsWith('x') ? value[1..] : value.EndsWith('x') ? value[..^1] : null;
        if (number is not null && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor > 0)
            return new ReplaySpeed(factor);
        throw new FormatException($"Received speed '{text}'; expected realtime, max, or xN such as x10.");
    }

    /// <inheritdoc />
    public override string ToString() => IsMax ? "max" : Factor == 1 ? "realtime" : "x" + Factor.ToString(CultureInfo.InvariantCulture);
}
