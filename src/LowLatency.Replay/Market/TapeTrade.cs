namespace LowLatency.Replay.Market;

/// <summary>One public trade taken from a recorded trade message.</summary>
/// <param name="Position">Index of the recorded message it came from.</param>
/// <param name="TimeMs">Trade time in ms since the epoch.</param>
/// <param name="Price">Price as the exchange wrote it.</param>
/// <param name="Size">Size as the exchange wrote it.</param>
/// <param name="PriceValue">The price as a number (REST arithmetic only: candles, 24 h statistics).</param>
/// <param name="SizeValue">The size as a number.</param>
/// <param name="BuyerIsTaker">True when the aggressor bought.</param>
public sealed record TapeTrade(int Position, long TimeMs, string Price, string Size, decimal PriceValue, decimal SizeValue, bool BuyerIsTaker);
