using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Bybit;

/// <summary>
/// What one pass over a Bybit message found, as text positions and integers. Book levels go to
/// a <see cref="LevelTextBuffer"/> and array records (trades, candles) to a
/// <see cref="RecordBuffer{T}"/>; the parser decides what the message is once the pass is over,
/// because Bybit does not keep <c>topic</c>, <c>type</c> and <c>data</c> in one order.
/// </summary>
internal struct BybitMessage
{
    public TextSpan Topic;
    public TextSpan Type;
    public TextSpan Operation;
    public long TimestampMs;
    public long CrossSequence;
    public long UpdateId;
    public bool HasUpdateId;
    public bool HasSuccess;
    public TextSpan LastPrice;
    public TextSpan Bid1Price;
    public TextSpan Bid1Size;
    public TextSpan Ask1Price;
    public TextSpan Ask1Size;
    public TextSpan Volume24h;

    public static BybitMessage Empty => new()
    {
        Topic = TextSpan.Missing,
        Type = TextSpan.Missing,
        Operation = TextSpan.Missing,
        LastPrice = TextSpan.Missing,
        Bid1Price = TextSpan.Missing,
        Bid1Size = TextSpan.Missing,
        Ask1Price = TextSpan.Missing,
        Ask1Size = TextSpan.Missing,
        Volume24h = TextSpan.Missing,
    };
}
