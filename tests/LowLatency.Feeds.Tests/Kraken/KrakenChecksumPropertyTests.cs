using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Checksums;
using LowLatency.Feeds.Kraken;

namespace LowLatency.Feeds.Tests.Kraken;

public sealed class KrakenChecksumPropertyTests
{
    [Fact]
    public void Kraken_checksum_is_the_CRC_of_the_top_levels_decimal_digits()
    {
        var magnitude = Gen.Choose(0, 18).SelectMany(digits => Gen.Choose(1, 9).Select(lead => lead * (long)Math.Pow(10, digits)));
        var value = from m in magnitude from extra in Gen.Choose(0, 999_999) select Math.Min(long.MaxValue / 2, m + extra);
        var levels = Gen.ListOf(from price in value from quantity in value select (price, quantity));
        Prop.ForAll(levels.ToArbitrary(), pairs =>
        {
            var book = new OrderBook(0, 1, 8, new BookRules(BookSequenceRule.None, SnapshotSource.Stream));
            foreach (var (price, quantity) in pairs)
            {
                book.Asks.Set(price, quantity);
                book.Bids.Set(price, quantity);
            }
            var text = new StringBuilder();
            foreach (var side in new[] { book.Asks, book.Bids })
            {
                for (var depth = 0; depth < Math.Min(10, side.Count); depth++)
                    text.Append(side[depth].Price.ToString(CultureInfo.InvariantCulture)).Append(side[depth].Quantity.ToString(CultureInfo.InvariantCulture));
            }
            return KrakenBookChecksum.Instance.Compute(book) == Crc32.Compute(Encoding.ASCII.GetBytes(text.ToString()));
        }).QuickCheckThrowOnFailure();
    }
}
