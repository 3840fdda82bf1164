using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Quality;

/// <summary>A transition of the data-quality state of one instrument and channel.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Channel">The channel (one flag).</param>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state now, with its reason and time.</param>
public sealed record DataQualityChange(Instrument Instrument, MarketChannels Channel, DataQuality Previous, DataQualityState Current)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Instrument.Exchange}/{Instrument.Market}/{Instrument.Symbol} {Channel}: {Previous} -> {Current.Quality} ({Current.Reason})";
}
