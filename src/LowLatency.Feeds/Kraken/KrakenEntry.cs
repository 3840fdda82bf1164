using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Kraken;

/// <summary>One object of a Kraken v2 <c>data</c> array as text positions (the union of the fields of every public channel).</summary>
internal struct KrakenEntry
{
    public TextSpan Symbol;
    public TextSpan Timestamp;
    public TextSpan Bid;
    public TextSpan BidQuantity;
    public TextSpan Ask;
    public TextSpan AskQuantity;
    public TextSpan Last;
    public TextSpan Volume;
    public TextSpan Side;
    public TextSpan Price;
    public TextSpan Quantity;
    public TextSpan Open;
    public TextSpan High;
    public TextSpan Low;
    public TextSpan Close;
    public TextSpan IntervalBegin;
    public long TradeId;
    public long IntervalMinutes;
    public uint Checksum;
    public bool HasChecksum;
    public int LevelStart;
    public int LevelCount;

    public static KrakenEntry Empty => new()
    {
        Symbol = TextSpan.Missing,
        Timestamp = TextSpan.Missing,
        Bid = TextSpan.Missing,
        BidQuantity = TextSpan.Missing,
        Ask = TextSpan.Missing,
        AskQuantity = TextSpan.Missing,
        Last = TextSpan.Missing,
        Volume = TextSpan.Missing,
        Side = TextSpan.Missing,
        Price = TextSpan.Missing,
        Quantity = TextSpan.Missing,
        Open = TextSpan.Missing,
        High = TextSpan.Missing,
        Low = TextSpan.Missing,
        Close = TextSpan.Missing,
        IntervalBegin = TextSpan.Missing,
    };
}
