namespace LowLatency.Replay.Protocols;

/// <summary>No replay protocol exists for the exchange name given.</summary>
public sealed class UnknownReplayExchangeException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public UnknownReplayExchangeException(string name, IEnumerable<string> known)
        : base($"Received exchange '{name}'; expected one of {string.Join(", ", known)}.") => Name = name;

    /// <summary>The name that was asked for.</summary>
    public string Name { get; }
}
