namespace LowLatency.Engine.Feed.Rest;

/// <summary>Where a REST ticker object keeps each quote field (its property names).</summary>
/// <param name="Bid">Best bid price.</param>
/// <param name="BidQuantity">Quantity at the best bid.</param>
/// <param name="Ask">Best ask price.</param>
/// <param name="AskQuantity">Quantity at the best ask.</param>
/// <param name="Last">Last trade price.</param>
/// <param name="LastQuantity">Last trade quantity; null when the answer has none.</param>
/// <param name="Volume">24 h volume in the base unit; null when the answer has none.</param>
internal sealed record RestTickerFields(string Bid, string BidQuantity, string Ask, string AskQuantity, string Last, string? LastQuantity, string? Volume);
