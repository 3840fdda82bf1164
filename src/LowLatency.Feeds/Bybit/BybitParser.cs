using System.Runtime.CompilerServices;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Bybit;

/// <summary>
/// Parses Bybit v5 public streams (linear and spot): <c>orderbook.N</c> snapshots and deltas,
/// <c>tickers</c> snapshots and deltas, <c>publicTrade</c> and <c>kline</c>; subscription acks and
/// pongs are recognised and ignored.
/// </summary>
/// <remarks>
/// <para>
/// One pass with <see cref="Utf8JsonReader"/> records where every known field is; the topic then
/// says what the message is and which instrument it concerns (a <c>kline</c> names its symbol
/// only in the topic, so the topic is the one source of symbols). Numbers are converted at the
/// instrument's scales once the pass is over.
/// </para>
/// <para>
/// Book messages carry <c>u</c> as both sequence fields: within one topic every message's
/// <c>u</c> is the previous one plus 1, which <see cref="Books.BookSequenceRule.FirstFollowsLast"/>
/// checks. A snapshot resets the book; a message with <c>u = 1</c> is treated as a snapshot even
/// when typed <c>delta</c>, because Bybit restarts numbering at 1 after a service restart and that
/// message then holds the whole book. <c>seq</c> (the cross sequence shared by every depth of a
/// symbol) does not chain one topic's messages and is not needed.
/// </para>
/// <para>
/// A <c>tickers</c> delta only carries the fields that changed, so the parser keeps each
/// instrument's last full ticker and emits the merged ticker; a delta that arrives before any
/// snapshot of its instrument has nothing to merge into and is ignored.
/// </para>
/// </remarks>
public sealed class BybitParser : IExchangeParser
{
    private const long NanosPerMilli = 1_000_000;
    private const long RestartUpdateId = 1;

    private readonly SymbolResolver _symbols;
    private readonly LevelTextBuffer _levels;
    private readonly RecordBuffer<BybitRecord> _records = new();
    private readonly EventBuffer _staged;
    private readonly BybitTickerState _tickers = new();

    /// <summary>Creates a parser resolving symbols through <paramref name="symbols"/>.</summary>
    /// <param name="symbols">Resolves symbols to instruments.</param>
    /// <param name="levelCapacity">Levels of one message the buffers hold before they grow.</param>
    public BybitParser(SymbolResolver symbols, int levelCapacity = LevelTextBuffer.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols;
        _levels = new LevelTextBuffer(levelCapacity);
        _staged = new EventBuffer(levelCapacity);
    }

    /// <inheritdoc />
    public ParseResult Parse<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var fields = BybitMessage.Empty;
        var error = Read(message, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject)
            return ParseResult.Unknown;
        if (!fields.Topic.IsPresent)
            return fields.Operation.IsPresent || fields.HasSuccess ? ParseResult.Ignored : ParseResult.Unknown;
        var topic = fields.Topic.Of(message);
        return Classify(topic) switch
        {
            BybitChannel.OrderBook => EmitBook(message, ref fields, in context, ref sink),
            BybitChannel.Tickers => EmitTicker(message, ref fields, in context, ref sink),
            BybitChannel.PublicTrade => EmitTrades(message, ref fields, in context, ref sink),
            BybitChannel.Kline => EmitCandles(message, ref fields, in context, ref sink),
            _ => ParseResult.Unknown,
        };
    }

    /// <inheritdoc />
    /// <remarks>Bybit book snapshots come from the stream; no REST response is market data here.</remarks>
    public ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink =>
        ParseResult.Unknown;

    /// <summary>The symbol a topic names: its last dot-separated segment (<c>orderbook.50.BTCUSDT</c> gives <c>BTCUSDT</c>).</summary>
    internal static ReadOnlySpan<byte> TopicSymbol(ReadOnlySpan<byte> topic) => topic[(topic.LastIndexOf((byte)'.') + 1)..];

    /// <summary>Seconds of a Bybit kline interval: minutes (<c>1</c> .. <c>720</c>), <c>D</c>, <c>W</c> or <c>M</c> (30 days).</summary>
    internal static bool TryIntervalSeconds(ReadOnlySpan<byte> interval, out long seconds)
    {
        seconds = 0;
        if (interval.Length == 1 && interval[0] is (byte)'D' or (byte)'W' or (byte)'M')
        {
            seconds = interval[0] switch
            {
                (byte)'D' => 86_400,
                (byte)'W' => 604_800,
                _ => 2_592_000,
            };
            return true;
        }
        if (interval.IsEmpty || interval.Length > 4)
            return false;
        long minutes = 0;
        foreach (var b in interval)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
                return false;
            minutes = minutes * 10 + digit;
        }
        seconds = minutes * 60;
        return seconds > 0;
    }

    private static BybitChannel Classify(ReadOnlySpan<byte> topic)
    {
        if (topic.StartsWith("orderbook."u8))
            return BybitChannel.OrderBook;
        if (topic.StartsWith("publicTrade."u8))
            return BybitChannel.PublicTrade;
        if (topic.StartsWith("tickers."u8))
            return BybitChannel.Tickers;
        if (topic.StartsWith("kline."u8))
            return BybitChannel.Kline;
        return BybitChannel.Unknown;
    }

    private ParseError Read(ReadOnlySpan<byte> message, ref BybitMessage fields, out bool isObject)
    {
        _levels.Clear();
        _records.Clear();
        return JsonDocumentReader.Read(message, new MemberReader(this), ref fields, out isObject);
    }

    private ParseError ReadTopField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BybitMessage fields)
    {
        if (name.SequenceEqual("data"u8))
        {
            return reader.TokenType switch
            {
                JsonTokenType.StartObject => ReadDataObject(ref reader, ref fields),
                JsonTokenType.StartArray => ReadDataArray(ref reader),
                _ => ParseError.UnexpectedValue,
            };
        }
        if (name.SequenceEqual("topic"u8))
            return JsonValues.ReadText(ref reader, out fields.Topic);
        if (name.SequenceEqual("type"u8))
            return JsonValues.ReadText(ref reader, out fields.Type);
        if (name.SequenceEqual("ts"u8))
            return JsonValues.ReadInt64(ref reader, out fields.TimestampMs);
        if (name.SequenceEqual("cs"u8))
            return JsonValues.ReadInt64(ref reader, out fields.CrossSequence);
        if (name.SequenceEqual("op"u8))
            return JsonValues.ReadText(ref reader, out fields.Operation);
        if (name.SequenceEqual("success"u8))
            fields.HasSuccess = true;
        return JsonValues.SkipValue(ref reader);
    }

    private ParseError ReadDataObject(ref Utf8JsonReader reader, ref BybitMessage fields)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            var error = name.Length == 1 ? ReadBookField(name[0], ref reader, ref fields) : ReadTickerField(name, ref reader, ref fields);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadBookField(byte name, ref Utf8JsonReader reader, ref BybitMessage fields)
    {
        switch (name)
        {
            case (byte)'b':
                return JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels);
            case (byte)'a':
                return JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels);
            case (byte)'u':
                fields.HasUpdateId = true;
                return JsonValues.ReadInt64(ref reader, out fields.UpdateId);
            default:
                return JsonValues.SkipValue(ref reader);
        }
    }

    private static ParseError ReadTickerField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BybitMessage fields)
    {
        if (name.SequenceEqual("bid1Price"u8))
            return JsonValues.ReadText(ref reader, out fields.Bid1Price);
        if (name.SequenceEqual("bid1Size"u8))
            return JsonValues.ReadText(ref reader, out fields.Bid1Size);
        if (name.SequenceEqual("ask1Price"u8))
            return JsonValues.ReadText(ref reader, out fields.Ask1Price);
        if (name.SequenceEqual("ask1Size"u8))
            return JsonValues.ReadText(ref reader, out fields.Ask1Size);
        if (name.SequenceEqual("lastPrice"u8))
            return JsonValues.ReadText(ref reader, out fields.LastPrice);
        if (name.SequenceEqual("volume24h"u8))
            return JsonValues.ReadText(ref reader, out fields.Volume24h);
        return JsonValues.SkipValue(ref reader);
    }

    private ParseError ReadDataArray(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (reader.TokenType != JsonTokenType.StartObject)
                return ParseError.UnexpectedValue;
            ref var record = ref _records.Add(BybitRecord.Empty);
            var error = ReadRecord(ref reader, ref record);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private static ParseError ReadRecord(ref Utf8JsonReader reader, ref BybitRecord record)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            var error = name.Length == 1 ? ReadTradeField(name[0], ref reader, ref record) : ReadCandleField(name, ref reader, ref record);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private static ParseError ReadTradeField(byte name, ref Utf8JsonReader reader, ref BybitRecord record) => name switch
    {
        (byte)'T' => JsonValues.ReadInt64(ref reader, out record.TradeTimeMs),
        (byte)'S' => JsonValues.ReadText(ref reader, out record.Side),
        (byte)'v' => JsonValues.ReadText(ref reader, out record.Size),
        (byte)'p' => JsonValues.ReadText(ref reader, out record.Price),
        (byte)'i' => JsonValues.ReadText(ref reader, out record.TradeId),
        _ => JsonValues.SkipValue(ref reader),
    };

    private static ParseError ReadCandleField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BybitRecord record)
    {
        if (name.SequenceEqual("start"u8))
            return JsonValues.ReadInt64(ref reader, out record.StartMs);
        if (name.SequenceEqual("interval"u8))
            return JsonValues.ReadText(ref reader, out record.Interval);
        if (name.SequenceEqual("open"u8))
            return JsonValues.ReadText(ref reader, out record.Open);
        if (name.SequenceEqual("high"u8))
            return JsonValues.ReadText(ref reader, out record.High);
        if (name.SequenceEqual("low"u8))
            return JsonValues.ReadText(ref reader, out record.Low);
        if (name.SequenceEqual("close"u8))
            return JsonValues.ReadText(ref reader, out record.Close);
        if (name.SequenceEqual("volume"u8))
            return JsonValues.ReadText(ref reader, out record.Volume);
        if (name.SequenceEqual("confirm"u8))
            return JsonValues.TryReadBoolean(ref reader, out record.Confirmed) ? ParseError.None : ParseError.UnexpectedValue;
        return JsonValues.SkipValue(ref reader);
    }

    private ParseResult EmitBook<TSink>(ReadOnlySpan<byte> message, ref BybitMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Topic, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.HasUpdateId || !fields.Type.IsPresent)
            return ParseResult.Failed(ParseError.MissingField);
        var type = fields.Type.Of(message);
        bool snapshot;
        if (type.SequenceEqual("snapshot"u8))
            snapshot = true;
        else if (type.SequenceEqual("delta"u8))
            snapshot = fields.UpdateId == RestartUpdateId;
        else
            return ParseResult.Failed(ParseError.UnexpectedValue);

        var kind = snapshot ? MarketEventKind.BookSnapshotLevel : MarketEventKind.BookDeltaLevel;
        var flags = snapshot ? MarketEventFlags.Snapshot : MarketEventFlags.None;
        var time = fields.TimestampMs * NanosPerMilli;
        var levels = _levels;
        for (var i = 0; i < levels.Count; i++)
        {
            ref var level = ref _staged.Add();
            level.Kind = kind;
            level.Flags = flags;
            level.InstrumentId = instrument.Id;
            level.Side = levels.SideAt(i);
            level.ExchangeTimeNs = time;
            level.ReceiveTimestamp = context.ReceiveTimestamp;
            level.FirstSequence = fields.UpdateId;
            level.Sequence = fields.UpdateId;
            error = JsonValues.TryPrice(message, levels.PriceAt(i), instrument, out level.Price, out level.PriceFractionDigits);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, levels.QuantityAt(i), instrument, out level.Quantity, out level.QuantityFractionDigits);
            if (error != ParseError.None)
            {
                _staged.Clear();
                return ParseResult.Failed(error);
            }
        }
        ref var end = ref _staged.Add();
        end.Kind = MarketEventKind.BookEnd;
        end.Flags = flags;
        end.InstrumentId = instrument.Id;
        end.ExchangeTimeNs = time;
        end.ReceiveTimestamp = context.ReceiveTimestamp;
        end.FirstSequence = fields.UpdateId;
        end.Sequence = fields.UpdateId;
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitTicker<TSink>(ReadOnlySpan<byte> message, ref BybitMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Topic, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.Type.IsPresent)
            return ParseResult.Failed(ParseError.MissingField);
        var type = fields.Type.Of(message);
        var snapshot = type.SequenceEqual("snapshot"u8);
        MarketEvent ticker;
        if (snapshot)
            ticker = default;
        else if (!type.SequenceEqual("delta"u8))
            return ParseResult.Failed(ParseError.UnexpectedValue);
        else if (!_tickers.TryGet(instrument.Id, out ticker))
            return ParseResult.Ignored;

        error = Merge(message, fields.Bid1Price, instrument.PriceScale, ref ticker.Price);
        if (error == ParseError.None)
            error = Merge(message, fields.Bid1Size, instrument.QuantityScale, ref ticker.Quantity);
        if (error == ParseError.None)
            error = Merge(message, fields.Ask1Price, instrument.PriceScale, ref ticker.AskPrice);
        if (error == ParseError.None)
            error = Merge(message, fields.Ask1Size, instrument.QuantityScale, ref ticker.AskQuantity);
        if (error == ParseError.None)
            error = Merge(message, fields.LastPrice, instrument.PriceScale, ref ticker.LastPrice);
        if (error == ParseError.None)
            error = Merge(message, fields.Volume24h, instrument.QuantityScale, ref ticker.FirstSequence);
        if (error != ParseError.None)
            return ParseResult.Failed(error);

        ticker.Kind = MarketEventKind.Ticker;
        ticker.Flags = snapshot ? MarketEventFlags.Snapshot : MarketEventFlags.None;
        ticker.InstrumentId = instrument.Id;
        ticker.ExchangeTimeNs = fields.TimestampMs * NanosPerMilli;
        ticker.ReceiveTimestamp = context.ReceiveTimestamp;
        ticker.Sequence = fields.CrossSequence;
        _tickers.Set(instrument.Id, in ticker);
        sink.OnEvent(in ticker);
        return ParseResult.Ok(1);
    }

    private ParseResult EmitTrades<TSink>(ReadOnlySpan<byte> message, ref BybitMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Topic, out var instrument, out var error))
            return ParseResult.Failed(error);
        for (var i = 0; i < _records.Count; i++)
        {
            ref var record = ref _records[i];
            ref var trade = ref _staged.Add();
            trade.Kind = MarketEventKind.Trade;
            trade.InstrumentId = instrument.Id;
            trade.ExchangeTimeNs = record.TradeTimeMs * NanosPerMilli;
            trade.ReceiveTimestamp = context.ReceiveTimestamp;
            error = TradeSide(message, record.Side, ref trade);
            if (error == ParseError.None)
                error = record.TradeId.IsPresent ? ParseError.None : ParseError.MissingField;
            if (error == ParseError.None)
            {
                trade.TradeId = TradeIdText.ToInt64(record.TradeId.Of(message));
                error = JsonValues.TryPrice(message, record.Price, instrument, out trade.Price, out trade.PriceFractionDigits);
            }
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, record.Size, instrument, out trade.Quantity, out trade.QuantityFractionDigits);
            if (error != ParseError.None)
            {
                _staged.Clear();
                return ParseResult.Failed(error);
            }
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitCandles<TSink>(ReadOnlySpan<byte> message, ref BybitMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Topic, out var instrument, out var error))
            return ParseResult.Failed(error);
        for (var i = 0; i < _records.Count; i++)
        {
            ref var record = ref _records[i];
            ref var candle = ref _staged.Add();
            candle.Kind = MarketEventKind.Candle;
            candle.InstrumentId = instrument.Id;
            candle.ExchangeTimeNs = record.StartMs * NanosPerMilli;
            candle.ReceiveTimestamp = context.ReceiveTimestamp;
            candle.Flags = record.Confirmed ? MarketEventFlags.CandleClosed : MarketEventFlags.None;
            if (!record.Interval.IsPresent)
                error = ParseError.MissingField;
            else if (!TryIntervalSeconds(record.Interval.Of(message), out var seconds))
                error = ParseError.UnexpectedValue;
            else
                candle.IntervalSeconds = seconds;
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, record.Open, instrument, out candle.Price, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, record.High, instrument, out candle.Quantity, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, record.Low, instrument, out candle.AskPrice, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, record.Close, instrument, out candle.AskQuantity, out _);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, record.Volume, instrument, out candle.FirstSequence, out _);
            if (error != ParseError.None)
            {
                _staged.Clear();
                return ParseResult.Failed(error);
            }
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    // A ticker delta leaves out what did not change; an empty string is Bybit's "no value".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ParseError Merge(ReadOnlySpan<byte> message, TextSpan text, int scale, ref long value)
    {
        if (text.Length <= 0)
            return ParseError.None;
        var status = FixedPointParser.TryParse(text.Of(message), scale, out var parsed);
        if (status != NumberParseStatus.Ok)
            return NumberErrors.ToParseError(status);
        value = parsed;
        return ParseError.None;
    }

    private static ParseError TradeSide(ReadOnlySpan<byte> message, TextSpan side, ref MarketEvent trade)
    {
        if (!side.IsPresent)
            return ParseError.MissingField;
        var text = side.Of(message);
        if (text.SequenceEqual("Buy"u8))
        {
            trade.Side = Side.Buy;
            return ParseError.None;
        }
        if (text.SequenceEqual("Sell"u8))
        {
            trade.Side = Side.Sell;
            trade.Flags = MarketEventFlags.BuyerIsMaker;
            return ParseError.None;
        }
        return ParseError.UnexpectedValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInstrument(ReadOnlySpan<byte> message, TextSpan topic, out Instrument instrument, out ParseError error)
    {
        if (!_symbols.TryResolve(TopicSymbol(topic.Of(message)), out instrument))
        {
            error = ParseError.UnknownSymbol;
            return false;
        }
        error = ParseError.None;
        return true;
    }

    /// <summary>Lets the shared document walk call this parser's member reader without a virtual call.</summary>
    private readonly struct MemberReader(BybitParser parser) : IJsonMemberReader<BybitMessage>
    {
        public ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BybitMessage fields) => parser.ReadTopField(name, ref reader, ref fields);
    }
}
