using System.Runtime.InteropServices;

namespace LowLatency.Feeds.Model;

/// <summary>
/// One normalized market-data event: a fixed-size, blittable struct written by parsers and
/// carried through the ring buffer by reference.
/// </summary>
/// <remarks>
/// <para>Layout (96 bytes, explicit, no references so the ring holds it inline):</para>
/// <code>
/// off  size field                    aliases (by kind)
///   0     8 ExchangeTimeNs           candle: open time
///   8     8 ReceiveTimestamp
///  16     8 Sequence                 trade: TradeId
///  24     8 FirstSequence            ticker/candle: Volume
///  32     8 PreviousSequence         candle: IntervalSeconds
///  40     8 Price                    BidPrice, Open
///  48     8 Quantity                 BidQuantity, High
///  56     8 AskPrice                 Low
///  64     8 AskQuantity              Close
///  72     8 LastPrice
///  80     4 InstrumentId
///  84     4 Checksum
///  88     1 Kind
///  89     1 Side
///  90     2 Flags
///  92     1 PriceFractionDigits
///  93     1 QuantityFractionDigits
///  94     2 (padding)
/// </code>
/// <para>
/// Prices and quantities are fixed-point: the value times 10^scale of the instrument (see
/// <c>Instrument.PriceScale</c>/<c>QuantityScale</c>). Book events carry all three sequence
/// fields of their message so that the book can check continuity from any event: for Binance
/// <c>U</c>, <c>u</c> and <c>pu</c>; for single-id feeds the same id in
/// <see cref="FirstSequence"/> and <see cref="Sequence"/>. Aliases are properties over the same
/// storage, so a ticker and a candle each read with their own names without growing the struct.
/// </para>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = SizeInBytes)]
public struct MarketEvent
{
    /// <summary>Size of the struct in bytes.</summary>
    public const int SizeInBytes = 96;

    /// <summary>Exchange event time in nanoseconds since the Unix epoch (0 when not sent).</summary>
    [FieldOffset(0)] public long ExchangeTimeNs;

    /// <summary>
    /// Local receive time of the message: <c>Stopwatch.GetTimestamp()</c> when the bytes left
    /// the socket live, or the recorded receive time (ns since the epoch) when replaying a capture.
    /// </summary>
    [FieldOffset(8)] public long ReceiveTimestamp;

    /// <summary>
    /// Exchange sequence: book update id of the message (Binance <c>u</c>, Bybit <c>u</c>, OKX
    /// <c>seqId</c>, KuCoin <c>sequenceEnd</c>), or the trade id of a trade.
    /// </summary>
    [FieldOffset(16)] public long Sequence;

    /// <summary>First update id covered by a book message (Binance <c>U</c>, KuCoin <c>sequenceStart</c>).</summary>
    [FieldOffset(24)] public long FirstSequence;

    /// <summary>Update id of the previous book message as the exchange states it (Binance futures <c>pu</c>, OKX <c>prevSeqId</c>).</summary>
    [FieldOffset(32)] public long PreviousSequence;

    /// <summary>Level or trade price; best bid for tickers and best-bid-offers; open for candles.</summary>
    [FieldOffset(40)] public long Price;

    /// <summary>Level or trade quantity (0 deletes a level); best bid size; high for candles.</summary>
    [FieldOffset(48)] public long Quantity;

    /// <summary>Best ask price (tickers, best-bid-offers); low for candles.</summary>
    [FieldOffset(56)] public long AskPrice;

    /// <summary>Best ask size (tickers, best-bid-offers); close for candles.</summary>
    [FieldOffset(64)] public long AskQuantity;

    /// <summary>Last traded price (tickers).</summary>
    [FieldOffset(72)] public long LastPrice;

    /// <summary>Instrument id from the registry; -1 when the event concerns a whole connection.</summary>
    [FieldOffset(80)] public int InstrumentId;

    /// <summary>Exchange checksum of the book after this message, valid with <see cref="MarketEventFlags.HasChecksum"/> (OKX's signed CRC is stored as its bits).</summary>
    [FieldOffset(84)] public uint Checksum;

    /// <summary>What the event carries.</summary>
    [FieldOffset(88)] public MarketEventKind Kind;

    /// <summary>Book side of a level, aggressor side of a trade.</summary>
    [FieldOffset(89)] public Side Side;

    /// <summary>Flags, see <see cref="MarketEventFlags"/>.</summary>
    [FieldOffset(90)] public MarketEventFlags Flags;

    /// <summary>Fraction digits of the price as the exchange wrote it (for checksums over wire text).</summary>
    [FieldOffset(92)] public byte PriceFractionDigits;

    /// <summary>Fraction digits of the quantity as the exchange wrote it (for checksums over wire text).</summary>
    [FieldOffset(93)] public byte QuantityFractionDigits;

    /// <summary>Trade id of a <see cref="MarketEventKind.Trade"/> (alias of <see cref="Sequence"/>).</summary>
    public long TradeId { readonly get => Sequence; set => Sequence = value; }

    /// <summary>Best bid price (alias of <see cref="Price"/>).</summary>
    public long BidPrice { readonly get => Price; set => Price = value; }

    /// <summary>Best bid size (alias of <see cref="Quantity"/>).</summary>
    public long BidQuantity { readonly get => Quantity; set => Quantity = value; }

    /// <summary>Traded volume: 24 h for tickers, the interval's for candles (alias of <see cref="FirstSequence"/>).</summary>
    public long Volume { readonly get => FirstSequence; set => FirstSequence = value; }

    /// <summary>Candle open (alias of <see cref="Price"/>).</summary>
    public long Open { readonly get => Price; set => Price = value; }

    /// <summary>Candle high (alias of <see cref="Quantity"/>).</summary>
    public long High { readonly get => Quantity; set => Quantity = value; }

    /// <summary>Candle low (alias of <see cref="AskPrice"/>).</summary>
    public long Low { readonly get => AskPrice; set => AskPrice = value; }

    /// <summary>Candle close (alias of <see cref="AskQuantity"/>).</summary>
    public long Close { readonly get => AskQuantity; set => AskQuantity = value; }

    /// <summary>Candle interval in seconds (alias of <see cref="PreviousSequence"/>).</summary>
    public long IntervalSeconds { readonly get => PreviousSequence; set => PreviousSequence = value; }

    /// <summary>True when every flag of <paramref name="flags"/> is set.</summary>
    public readonly bool Has(MarketEventFlags flags) => (Flags & flags) == flags;

    /// <inheritdoc />
    public override readonly string ToString() =>
        $"{Kind} #{InstrumentId} {Side} p={Price} q={Quantity} seq={FirstSequence}..{Sequence} prev={PreviousSequence} flags={Flags}";
}
