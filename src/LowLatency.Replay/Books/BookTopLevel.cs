namespace LowLatency.Replay.Books;

/// <summary>One level of a recorded book as an exchange writes it.</summary>
/// <param name="Price">The price, with the fraction digits the exchange last sent for it.</param>
/// <param name="Quantity">The quantity, likewise.</param>
internal readonly record struct BookTopLevel(string Price, string Quantity);
