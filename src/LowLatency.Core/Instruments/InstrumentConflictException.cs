namespace LowLatency.Core.Instruments;

/// <summary>Thrown when an instrument is registered again with different scales.</summary>
/// <remarks>
/// Books and caches hold values at the scales an instrument was registered with; changing them
/// under running consumers would silently rescale every price, so it is refused.
/// </remarks>
public sealed class InstrumentConflictException : InvalidOperationException
{
    /// <summary>Creates the exception from the registered instrument and the conflicting spec.</summary>
    public InstrumentConflictException(Instrument existing, InstrumentSpec requested)
        : base($"Received {requested.Exchange}/{requested.Market}/{requested.Symbol} with scales {requested.PriceScale}/{requested.QuantityScale}; " +
               $"expected the registered scales {existing.PriceScale}/{existing.QuantityScale}.")
    {
    }
}
