namespace LowLatency.LoadTests.Cli;

/// <summary>The command line could not be understood; the message says what was received and what was expected.</summary>
public sealed class LoadUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LoadUsageException(string message)
        : base(message)
    {
    }
}
