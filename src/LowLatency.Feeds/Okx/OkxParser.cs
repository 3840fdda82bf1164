using System.Runtime.CompilerServices;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Okx;

/// <summary>
/// Parses OKX v5 public pushes: <c>books</c> (and its tick-by-tick twins <c>books-l2-tbt</c>,
/// <c>books50-l2-tbt</c>, and <c>books5</c>), <c>trades</c> and <c>tickers</c>; <c>event</c>
/// answers and the text <c>pong</c> are recognised and ignored.
/// </summary>
/// <remarks>
/// <para>
/// One pass with <see cref="Utf8JsonReader"/> records where every known field is; <c>arg</c>
/// then says what the message is and which instrument it concerns. Numbers are converted once
/// the pass is over, and each book level keeps the fraction digits it was sent with so that
/// <see cref="OkxBookChecksum"/> can rebuild the exact wire text.
/// </para>
/// <para>
/// A book message's end event carries the checksum (as the bits of OKX's signed value),
/// <c>seqId</c> as its sequence and <c>prevSeqId</c> as the previous sequence. Messages recorded
/// before OKX added those ids (2022) carry zeros in both, which chain trivially, so only the
/// checksum guards them.
/// </para>
/// </remarks>
public sealed class OkxParser : IExchangeParser
{
    private const long NanosPerMilli = 1_000_000;

    private readonly SymbolResolver _symbols;
    private readonly LevelTextBuffer _levels;
    private readonly RecordBuffer<OkxRecord> _records = new();
    private readonly EventBuffer _staged;

    /// <summary>Creates a parser resolving instrument ids through <paramref name="symbols"/>.</summary>
    /// <param name="symbols">Resolves symbols to instruments.</param>
    /// <param name="levelCapacity">Levels of one message the buffers hold before they grow.</param>
    public OkxParser(SymbolResolver symbols, int levelCapacity = LevelTextBuffer.DefaultCapacity)
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
        // OKX answers the text ping with the bare text pong, which is not JSON.
        if (message.SequenceEqual("pong"u8))
            return ParseResult.Ignored;
        var fields = OkxMessage.Empty;
        var error = Read(message, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject)
            return ParseResult.Unknown;
        if (fields.Event.IsPresent)
            return ParseResult.Ignored;
        if (!fields.Channel.IsPresent)
            return ParseResult.Unknown;
        return Classify(fields.Channel.Of(message)) switch
        {
            OkxChannel.Books => EmitBook(message, ref fields, in context, ref sink),
            OkxChannel.Trades => EmitTrades(message, ref fields, in context, ref sink),
            OkxChannel.Tickers => EmitTickers(message, ref fields, in context, ref sink),
            _ => ParseResult.Unknown,
        };
    }

    /// <inheritdoc />
    /// <remarks>OKX book snapshots come from the stream; no REST response is market data here.</remarks>
    public ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink =>
        ParseResult.Unknown;

    private static OkxChannel Classify(ReadOnlySpan<byte> channel)
    {
        if (channel.StartsWith("books"u8))
            return OkxChannel.Books;
        if (channel.SequenceEqual("trades"u8))
            return OkxChannel.Trades;
        if (channel.SequenceEqual("tickers"u8))
            return OkxChannel.Tickers;
        return OkxChannel.Unknown;
    }

    private ParseError Read(ReadOnlySpan<byte> message, ref OkxMessage fields, out bool isObject)
    {
        _levels.Clear();
        _records.Clear();
        return JsonDocumentReader.Read(message, new MemberReader(this), ref fields, out isObject);
    }

    private ParseError ReadTopField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref OkxMessage fields)
    {
        if (name.SequenceEqual("data"u8))
            return reader.TokenType == JsonTokenType.StartArray ? ReadData(ref reader) : ParseError.UnexpectedValue;
        if (name.SequenceEqual("arg"u8))
            return reader.TokenType == JsonTokenType.StartObject ? ReadArgument(ref reader, ref fields) : ParseError.UnexpectedValue;
        if (name.SequenceEqual("action"u8))
            return JsonValues.ReadText(ref reader, out fields.Action);
        if (name.SequenceEqual("event"u8))
            return JsonValues.ReadText(ref reader, out fields.Event);
        return JsonValues.SkipValue(ref reader);
    }

    private static ParseError ReadArgument(ref Utf8JsonReader reader, ref OkxMessage fields)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            ParseError error;
            if (name.SequenceEqual("channel"u8))
                error = JsonValues.ReadText(ref reader, out fields.Channel);
            else if (name.SequenceEqual("instId"u8))
                error = JsonValues.ReadText(ref reader, out fields.InstrumentId);
            else
                error = JsonValues.SkipValue(ref reader);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadData(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (reader.TokenType != JsonTokenType.StartObject)
                return ParseError.UnexpectedValue;
            ref var record = ref _records.Add(OkxRecord.Empty);
            var error = ReadRecord(ref reader, ref record);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadRecord(ref Utf8JsonReader reader, ref OkxRecord record)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            var error = name.Length switch
            {
                2 => ReadShortField(name, ref reader, ref record),
                4 when name.SequenceEqual("asks"u8) => JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels),
                4 when name.SequenceEqual("bids"u8) => JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels),
                _ => ReadLongField(name, ref reader, ref record),
            };
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private static ParseError ReadShortField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref OkxRecord record)
    {
        if (name.SequenceEqual("px"u8))
            return JsonValues.ReadText(ref reader, out record.Price);
        if (name.SequenceEqual("sz"u8))
            return JsonValues.ReadText(ref reader, out record.Size);
        if (name.SequenceEqual("ts"u8))
            return JsonValues.ReadInt64(ref reader, out record.TimestampMs);
        return JsonValues.SkipValue(ref reader);
    }

    private static ParseError ReadLongField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref OkxRecord record)
    {
        if (name.SequenceEqual("checksum"u8))
        {
            record.HasChecksum = true;
            return JsonValues.ReadInt64(ref reader, out record.Checksum);
        }
        if (name.SequenceEqual("seqId"u8))
        {
            record.HasSequenceId = true;
            return JsonValues.ReadInt64(ref reader, out record.SequenceId);
        }
        if (name.SequenceEqual("prevSeqId"u8))
        {
            record.HasPreviousSequenceId = true;
            return JsonValues.ReadInt64(ref reader, out record.PreviousSequenceId);
        }
        if (name.SequenceEqual("tradeId"u8))
            return JsonValues.ReadText(ref reader, out record.TradeId);
        if (name.SequenceEqual("side"u8))
            return JsonValues.ReadText(ref reader, out record.Side);
        if (name.SequenceEqual("last"u8))
            return JsonValues.ReadText(ref reader, out record.Last);
        if (name.SequenceEqual("bidPx"u8))
            return JsonValues.ReadText(ref reader, out record.BidPrice);
        if (name.SequenceEqual("bidSz"u8))
            return JsonValues.ReadText(ref reader, out record.BidSize);
        if (name.SequenceEqual("askPx"u8))
            return JsonValues.ReadText(ref reader, out record.AskPrice);
        if (name.SequenceEqual("askSz"u8))
            return JsonValues.ReadText(ref reader, out record.AskSize);
        if (name.SequenceEqual("vol24h"u8))
            return JsonValues.ReadText(ref reader, out record.Volume24h);
        return JsonValues.SkipValue(ref reader);
    }

    private ParseResult EmitBook<TSink>(ReadOnlySpan<byte> message, ref OkxMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.InstrumentId, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (_records.Count != 1)
            return ParseResult.Failed(_records.Count == 0 ? ParseError.MissingField : ParseError.UnexpectedValue);
        ref var record = ref _records[0];
        bool snapshot;
        if (!fields.Action.IsPresent)
            snapshot = true;
        else if (fields.Action.Of(message).SequenceEqual("snapshot"u8))
            snapshot = true;
        else if (fields.Action.Of(message).SequenceEqual("update"u8))
            snapshot = false;
        else
            return ParseResult.Failed(ParseError.UnexpectedValue);
        if (record.HasChecksum && record.Checksum is < int.MinValue or > int.MaxValue)
            return ParseResult.Failed(ParseError.UnexpectedValue);

        var kind = snapshot ? MarketEventKind.BookSnapshotLevel : MarketEventKind.BookDeltaLevel;
        var flags = snapshot ? MarketEventFlags.Snapshot : MarketEventFlags.None;
        var sequence = record.HasSequenceId ? record.SequenceId : 0;
        var previous = record.HasPreviousSequenceId ? record.PreviousSequenceId : 0;
        var time = record.TimestampMs * NanosPerMilli;
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
            level.FirstSequence = sequence;
            level.Sequence = sequence;
            level.PreviousSequence = previous;
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
        end.Flags = flags | (record.HasChecksum ? MarketEventFlags.HasChecksum : MarketEventFlags.None);
        end.Checksum = unchecked((uint)(int)record.Checksum);
        end.InstrumentId = instrument.Id;
        end.ExchangeTimeNs = time;
        end.ReceiveTimestamp = context.ReceiveTimestamp;
        end.FirstSequence = sequence;
        end.Sequence = sequence;
        end.PreviousSequence = previous;
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitTrades<TSink>(ReadOnlySpan<byte> message, ref OkxMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.InstrumentId, out var instrument, out var error))
            return ParseResult.Failed(error);
        for (var i = 0; i < _records.Count; i++)
        {
            ref var record = ref _records[i];
            ref var trade = ref _staged.Add();
            trade.Kind = MarketEventKind.Trade;
            trade.InstrumentId = instrument.Id;
            trade.ExchangeTimeNs = record.TimestampMs * NanosPerMilli;
            trade.ReceiveTimestamp = context.ReceiveTimestamp;
            error = TakerSide(message, record.Side, ref trade);
            if (error == ParseError.None && !record.TradeId.IsPresent)
                error = ParseError.MissingField;
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

    private ParseResult EmitTickers<TSink>(ReadOnlySpan<byte> message, ref OkxMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.InstrumentId, out var instrument, out var error))
            return ParseResult.Failed(error);
        for (var i = 0; i < _records.Count; i++)
        {
            ref var record = ref _records[i];
            ref var ticker = ref _staged.Add();
            ticker.Kind = MarketEventKind.Ticker;
            ticker.InstrumentId = instrument.Id;
            ticker.ExchangeTimeNs = record.TimestampMs * NanosPerMilli;
            ticker.ReceiveTimestamp = context.ReceiveTimestamp;
            error = Optional(message, record.BidPrice, instrument.PriceScale, out ticker.Price);
            if (error == ParseError.None)
                error = Optional(message, record.BidSize, instrument.QuantityScale, out ticker.Quantity);
            if (error == ParseError.None)
                error = Optional(message, record.AskPrice, instrument.PriceScale, out ticker.AskPrice);
            if (error == ParseError.None)
                error = Optional(message, record.AskSize, instrument.QuantityScale, out ticker.AskQuantity);
            if (error == ParseError.None)
                error = Optional(message, record.Last, instrument.PriceScale, out ticker.LastPrice);
            if (error == ParseError.None)
                error = Optional(message, record.Volume24h, instrument.QuantityScale, out ticker.FirstSequence);
            if (error != ParseError.None)
            {
                _staged.Clear();
                return ParseResult.Failed(error);
            }
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    // OKX sends "" for a ticker field it has no value for (no bid on an illiquid book).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ParseError Optional(ReadOnlySpan<byte> message, TextSpan text, int scale, out long value)
    {
        value = 0;
        if (text.Length <= 0)
            return ParseError.None;
        return NumberErrors.ToParseError(FixedPointParser.TryParse(text.Of(message), scale, out value));
    }

    private static ParseError TakerSide(ReadOnlySpan<byte> message, TextSpan side, ref MarketEvent trade)
    {
        if (!side.IsPresent)
            return ParseError.MissingField;
        var text = side.Of(message);
        if (text.SequenceEqual("buy"u8))
        {
            trade.Side = Side.Buy;
            return ParseError.None;
        }
        if (text.SequenceEqual("sell"u8))
        {
            trade.Side = Side.Sell;
            trade.Flags = MarketEventFlags.BuyerIsMaker;
            return ParseError.None;
        }
        return ParseError.UnexpectedValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInstrument(ReadOnlySpan<byte> message, TextSpan instrumentId, out Instrument instrument, out ParseError error)
    {
        if (!instrumentId.IsPresent)
        {
            instrument = null!;
            error = ParseError.MissingField;
            return false;
        }
        if (!_symbols.TryResolve(instrumentId.Of(message), out instrument))
        {
            error = ParseError.UnknownSymbol;
            return false;
        }
        error = ParseError.None;
        return true;
    }

    /// <summary>Lets the shared document walk call this parser's member reader without a virtual call.</summary>
    private readonly struct MemberReader(OkxParser parser) : IJsonMemberReader<OkxMessage>
    {
        public ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref OkxMessage fields) => parser.ReadTopField(name, ref reader, ref fields);
    }
}
