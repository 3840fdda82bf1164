namespace LowLatency.Replay.Market;

/// <summary>Best bid and offer (and last price where the message had one) taken from a recorded ticker or book-ticker message.</summary>
/// <remarks>Prices and sizes keep the exchange's text so REST answers repeat them exactly.</remarks>
/// <param name="Position">Index of the recorded message it came from.</param>
/// <param name="TimeMs">Exchange time in ms since the epoch (the receive time when the message had none).</param>
/// <param name="Bid">Best bid price.</param>
/// <param name="BidSize">Size at the best bid.</param>
/// <param name="Ask">Best ask price.</param>
/// <param name="AskSize">Size at the best ask.</param>
/// <param name="Last">Last traded price when the message carried it, else null.</param>
public sealed record TapeQuote(int Position, long TimeMs, string Bid, string BidSize, string Ask, string AskSize, string? Last);
