using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Checksums;
using LowLatency.Feeds.Okx;

namespace LowLatency.Feeds.Tests.Okx;

public sealed class OkxChecksumPropertyTests
{
    private const int PriceScale = 8;
    private const int QuantityScale = 8;

    // A decimal number as an exchange may write it: integer part, then 0 to 8 fraction digits
    // (trailing zeros included, as OKX keeps them in the checksum).
    private static readonly Gen<string> WireNumber =
        from integer in Gen.Choose(0, 99_999)
        from digits in Gen.Choose(0, 8)
        from fraction in Gen.ArrayOf(Gen.Choose(0, 9), digits)
        select digits == 0 ? integer.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{integer}.{string.Concat(fraction)}";

    [Fact]
    public void Checksum_of_any_book_equals_the_crc_of_its_levels_as_they_were_sent()
    {
        var side = Gen.ListOf(Gen.Zip(WireNumber, WireNumber));
        Prop.ForAll(Gen.Zip(side, side).ToArbitrary(), sides =>
        {
            var book = new OrderBook(0, PriceScale, QuantityScale, new BookRules(BookSequenceRule.PreviousEqualsLast, SnapshotSource.Stream, OkxBookChecksum.Instance));
            var bids = Fill(book.Bids, sides.Item1, bid: true);
            var asks = Fill(book.Asks, sides.Item2, bid: false);
            var text = new StringBuilder();
            for (var i = 0; i < 25; i++)
            {
                if (i < bids.Count)
                    text.Append(text.Length == 0 ? "" : ":").Append(bids[i].Price).Append(':').Append(bids[i].Size);
                if (i < asks.Count)
                    text.Append(text.Length == 0 ? "" : ":").Append(asks[i].Price).Append(':').Append(asks[i].Size);
            }
            return OkxBookChecksum.Instance.Compute(book) == Crc32.Compute(Encoding.ASCII.GetBytes(text.ToString()));
        }).QuickCheckThrowOnFailure();
    }

    // Sets every level (the last text of a price wins, as on the wire) and returns the expected
    // best-first order of (price text, size text); zero sizes are deletions.
    private static List<(string Price, string Size)> Fill(OrderBookSide side, IEnumerable<(string Price, string Size)> levels, bool bid)
    {
        var expected = new SortedDictionary<long, (string, string)>();
        foreach (var (price, size) in levels)
        {
            FixedPointParser.TryParse(Encoding.ASCII.GetBytes(price), PriceScale, out var priceValue, out var priceDigits);
            FixedPointParser.TryParse(Encoding.ASCII.GetBytes(size), QuantityScale, out var sizeValue, out var sizeDigits);
            side.Set(priceValue, sizeValue, (byte)priceDigits, (byte)sizeDigits);
            if (sizeValue == 0)
                expected.Remove(priceValue);
            else
                expected[priceValue] = (price, size);
        }
        var ordered = expected.Values.ToList();
        if (bid)
            ordered.Reverse();
        return ordered;
    }
}
