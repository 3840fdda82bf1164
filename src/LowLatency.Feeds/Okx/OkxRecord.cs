using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Okx;

/// <summary>One element of an OKX <c>data</c> array (a book message, a trade or a ticker), as text positions and integers.</summary>
internal struct OkxRecord
{
    public long TimestampMs;
    public long Checksum;
    public long SequenceId;
    public long PreviousSequenceId;
    public bool HasChecksum;
    public bool HasSequenceId;
    public bool HasPreviousSequenceId;
    public TextSpan TradeId;
    public TextSpan Price;
    public TextSpan Size;
    public TextSpan Side;
    public TextSpan Last;
    public TextSpan BidPrice;
    public TextSpan BidSize;
    public TextSpan AskPrice;
    public TextSpan AskSize;
    public TextSpan Volume24h;

    public static OkxRecord Empty => new()
    {
        TradeId = TextSpan.Missing,
        Price = TextSpan.Missing,
        Size = TextSpan.Missing,
        Side = TextSpan.Missing,
        Last = TextSpan.Missing,
        BidPrice = TextSpan.Missing,
        BidSize = TextSpan.Missing,
        AskPrice = TextSpan.Missing,
        AskSize = TextSpan.Missing,
        Volume24h = TextSpan.Missing,
    };
}
