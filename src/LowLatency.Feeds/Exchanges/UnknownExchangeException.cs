namespace LowLatency.Feeds.Exchanges;

/// <summary>Thrown when a venue name is not in the <see cref="ExchangeCatalog"/>.</summary>
public sealed class UnknownExchangeException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="name"/>, listing the known names.</summary>
    public UnknownExchangeException(string name, IEnumerable<string> known)
        : base($"Received exchange '{name}'; expected one of: {string.Join(", ", known)}.")
    {
        Name = name;
    }

    /// <summary>The name that was asked for.</summary>
    public string Name { get; }
}
