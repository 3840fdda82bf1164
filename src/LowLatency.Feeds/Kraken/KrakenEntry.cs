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
}
