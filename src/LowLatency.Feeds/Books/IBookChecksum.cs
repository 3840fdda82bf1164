namespace LowLatency.Feeds.Books;

/// <summary>An exchange's checksum over a book (Kraken CRC-32 of the top 10, OKX CRC-32 of the top 25).</summary>
/// <remarks>
/// The book calls it after applying a message that carries a checksum and compares the result with
/// the event's <c>Checksum</c> bits; it must not allocate.
/// </remarks>
public interface IBookChecksum
{
    /// <summary>Computes the checksum of <paramref name="book"/> as the exchange defines it.</summary>
    uint Compute(OrderBook book);
}
