using System.Text;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Checksums;
using LowLatency.Feeds.Okx;

namespace LowLatency.Feeds.Tests.Okx;

public sealed class OkxBookChecksumTests
{
    private static OrderBook Book() => new(0, 8, 8, new BookRules(BookSequenceRule.PreviousEqualsLast, SnapshotSource.Stream, OkxBookChecksum.Instance));

    [Fact]
    public void Checksum_covers_the_exact_wire_text_interleaved_bid_then_ask()
    {
        var book = Book();
        book.Bids.Set(30316_00000000, 10_00000000, 0, 2);
        book.Bids.Set(30315_50000000, 16000000, 1, 2);
        book.Asks.Set(30317_00000000, 1_00000000, 1, 0);

        var expected = Crc32.Compute(Encoding.ASCII.GetBytes("30316:10.00:30317.0:1:30315.5:0.16"));

        Assert.Equal(expected, OkxBookChecksum.Instance.Compute(book));
    }

    [Fact]
    public void Checksum_stops_at_25_levels_a_side_and_skips_the_missing_side_entries()
    {
        var book = Book();
        var text = new StringBuilder();
        for (var i = 0; i < 30; i++)
            book.Bids.Set((1000 - i) * 100_000_000L, 1_00000000, 0, 0);
        book.Asks.Set(1001 * 100_000_000L, 2_00000000, 0, 0);
        for (var i = 0; i < 25; i++)
        {
            text.Append(i == 0 ? "" : ":").Append(1000 - i).Append(":1");
            if (i == 0)
                text.Append(":1001:2");
        }

        Assert.Equal(Crc32.Compute(Encoding.ASCII.GetBytes(text.ToString())), OkxBookChecksum.Instance.Compute(book));
    }

    [Fact]
    public void Empty_book_checksums_the_empty_text()
    {
        Assert.Equal(0u, OkxBookChecksum.Instance.Compute(Book()));
    }
}
