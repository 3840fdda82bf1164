using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Bybit;

/// <summary>One element of a Bybit <c>data</c> array: a public trade or a candle, as text positions.</summary>
internal struct BybitRecord
{
    public long TradeTimeMs;
    public TextSpan Side;
    public TextSpan Size;
    public TextSpan Price;
    public TextSpan TradeId;
    public long StartMs;
    public TextSpan Interval;
    public TextSpan Open;
    public TextSpan High;
    public TextSpan Low;
    public TextSpan Close;
    public TextSpan Volume;
    public bool Confirmed;

    public static BybitRecord Empty => new()
    {
        Side = TextSpan.Missing,
        Size = TextSpan.Missing,
        Price = TextSpan.Missing,
        TradeId = TextSpan.Missing,
        Interval = TextSpan.Missing,
        Open = TextSpan.Missing,
        High = TextSpan.Missing,
        Low = TextSpan.Missing,
        Close = TextSpan.Missing,
        Volume = TextSpan.Missing,
    };
}
