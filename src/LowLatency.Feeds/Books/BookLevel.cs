namespace LowLatency.Feeds.Books;

/// <summary>One price level as copied out of a book (top-N extraction).</summary>
/// <param name="Price">Fixed-point price at the instrument's price scale.</param>
/// <param name="Quantity">Fixed-point quantity at the instrument's quantity scale.</param>
/// <param name="PriceFractionDigits">Fraction digits of the price as last sent by the exchange.</param>
/// <param name="QuantityFractionDigits">Fraction digits of the quantity as last sent by the exchange.</param>
public readonly record struct BookLevel(long Price, long Quantity, byte PriceFractionDigits, byte QuantityFractionDigits);
