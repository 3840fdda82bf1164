using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.KuCoin;

/// <summary>
/// What one pass over a KuCoin message (or REST snapshot) found, as text positions and
/// integers; book levels go to a <see cref="LevelTextBuffer"/>. The parser decides what the
/// message is once the pass is over: KuCoin often sends <c>data</c> before <c>topic</c>.
/// </summary>
internal struct KuCoinMessage
{
    public const int CandleFields = 7;

    public TextSpan Type;
    public TextSpan Topic;
    public TextSpan Subject;
    public TextSpan Symbol;
    public long SequenceStart;
    public long SequenceEnd;
    public long Sequence;
    public bool HasSequenceStart;
    public bool HasSequenceEnd;
    public bool HasSequence;
    public TextSpan Change;
    public TextSpan Price;
    public TextSpan Size;
    public TextSpan Side;
    public TextSpan TradeId;
    public TextSpan BestBid;
    public TextSpan BestBidSize;
    public TextSpan BestAsk;
    public TextSpan BestAskSize;
    public long Time;
    public long Ts;
    public long Timestamp;
    public TextSpan CandleStart;
    public TextSpan CandleOpen;
    public TextSpan CandleClose;
    public TextSpan CandleHigh;
    public TextSpan CandleLow;
    public TextSpan CandleVolume;
    public int CandleCount;

    public static KuCoinMessage Empty => new()
    {
        Type = TextSpan.Missing,
        Topic = TextSpan.Missing,
        Subject = TextSpan.Missing,
        Symbol = TextSpan.Missing,
        Change = TextSpan.Missing,
        Price = TextSpan.Missing,
        Size = TextSpan.Missing,
        Side = TextSpan.Missing,
        TradeId = TextSpan.Missing,
        BestBid = TextSpan.Missing,
        BestBidSize = TextSpan.Missing,
        BestAsk = TextSpan.Missing,
        BestAskSize = TextSpan.Missing,
        CandleStart = TextSpan.Missing,
        CandleOpen = TextSpan.Missing,
        CandleClose = TextSpan.Missing,
        CandleHigh = TextSpan.Missing,
        CandleLow = TextSpan.Missing,
        CandleVolume = TextSpan.Missing,
    };
}
