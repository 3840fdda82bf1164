namespace LowLatency.Replay.Faults;

/// <summary>A fault spec string that does not follow the syntax described on <see cref="FaultSpec"/>.</summary>
public sealed class FaultSpecException : FormatException
{
    /// <summary>Creates the exception for <paramref name="spec"/>.</summary>
    public FaultSpecException(string spec, string problem)
        : base($"Fault spec '{spec}': {problem}.") => Spec = spec;

    /// <summary>The spec as given.</summary>
    public string Spec { get; }
}
