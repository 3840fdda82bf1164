namespace LowLatency.Engine.Quality;

/// <summary>The data-quality state of one instrument and channel, why, and since when.</summary>
/// <param name="Quality">The state.</param>
/// <param name="Reason">A one-line reason, e.g. <c>no BestBidOffer update for 10.3 s; the connection is alive</c>.</param>
/// <param name="Since">When the state was entered.</param>
public sealed record DataQualityState(DataQuality Quality, string Reason, DateTimeOffset Since);
