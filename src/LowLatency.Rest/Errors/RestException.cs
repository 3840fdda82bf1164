namespace LowLatency.Rest.Errors;

/// <summary>
/// Base of every error the REST lane reports: each derived type names one way a request can fail.
/// </summary>
/// <remarks>
/// Messages are built from redacted values only: an endpoint never carries its signature or key
/// parameters and no header is ever part of a message, so an exception can be logged as it is.
/// </remarks>
public abstract class RestException : Exception
{
    /// <summary>Creates the error for one exchange's lane.</summary>
    /// <param name="exchange">The exchange whose lane failed the request.</param>
    /// <param name="message">What was received and what was expected, with secrets redacted.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    protected RestException(string exchange, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Exchange = exchange;
    }

    /// <summary>The exchange whose lane failed the request (for example <c>binance</c>).</summary>
    public string Exchange { get; }
}
