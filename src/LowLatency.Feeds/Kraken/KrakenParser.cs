using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Kraken;

/// <summary>
/// Parses Kraken WebSocket v2 public channels: <c>book</c>, <c>ticker</c>, <c>trade</c>,
/// <c>ohlc</c>, <c>instrument</c>, plus <c>heartbeat</c>, <c>status</c> and method responses.
/// </summary>
/// <remarks>
/// <para>
/// v2 sends prices and quantities as JSON numbers whose text is whatever Kraken's (or a
/// re-serializer's) encoder wrote: <c>0.566</c> for a 4-decimal pair, <c>5.325e-05</c>. The raw
/// number text goes straight to the fixed-point parser at the pair's precision, so nothing is
/// rounded and the checksum can render levels exactly (<see cref="KrakenBookChecksum"/>).
/// </para>
/// <para>
/// One pass records every entry's fields as text positions; the channel and type may come
/// after <c>data</c> (re-serialized captures sort keys), so interpretation waits for the end.
/// The <c>instrument</c> channel registers pairs with their precisions as scales (a cold path
/// that allocates once per new pair).
/// </para>
/// </remarks>
public sealed class KrakenParser : IExchangeParser
{

    private readonly SymbolResolver _symbols;
    private readonly LevelTextBuffer _levels;
    private readonly EventBuffer _staged;
    private readonly List<KrakenPair> _pairs = [];
    private KrakenEntry[] _entries = new KrakenEntry[4];
    private int _entryCount;

    /// <summary>Creates a parser resolving symbols through <paramref name="symbols"/>.</summary>
    /// <param name="symbols">Resolves symbols to instruments.</param>
    /// <param name="levelCapacity">Levels of one message the buffers hold before they grow.</param>
    public KrakenParser(SymbolResolver symbols, int levelCapacity = LevelTextBuffer.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols;
        _levels = new LevelTextBuffer(levelCapacity);
        _staged = new EventBuffer(levelCapacity);
    }

    private enum Channel : byte
    {
        Unknown,
        Book,
        Ticker,
        Trade,
        Ohlc,
        Instrument,
        Heartbeat,
        Status,
    }

    /// <inheritdoc />
    public ParseResult Parse<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _levels.Clear();
        _pairs.Clear();
        _entryCount = 0;
        var top = new TopFields { Channel = TextSpan.Missing, Type = TextSpan.Missing };
        var error = JsonDocumentReader.Read(message, new MemberReader(this), ref top, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject)
            return ParseResult.Unknown;

        var name = top.Channel.IsPresent ? top.Channel.Of(message) : default;
        var isSnapshot = top.Type.IsPresent && top.Type.Of(message).SequenceEqual("snapshot"u8);
        switch (Identify(name))
        {
            case Channel.Book:
                return EmitBooks(message, isSnapshot, in context, ref sink);
            case Channel.Ticker:
                return EmitTickers(message, isSnapshot, in context, ref sink);
            case Channel.Trade:
                return EmitTrades(message, in context, ref sink);
            case Channel.Ohlc:
                return EmitCandles(message, in context, ref sink);
            case Channel.Instrument:
                return RegisterPairs(message);
            case Channel.Heartbeat:
                return ParseResult.Ignored;
            case Channel.Status:
                var status = new MarketEvent { Kind = MarketEventKind.Status, InstrumentId = -1, ReceiveTimestamp = context.ReceiveTimestamp };
                sink.OnEvent(in status);
                return ParseResult.Ok(1);
            default:
                return top.IsMethod ? ParseResult.Ignored : ParseResult.Unknown;
        }
    }

    /// <inheritdoc />
    /// <remarks>Kraken books come from the stream; no REST response is parsed.</remarks>
    public ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink =>
        ParseResult.Unknown;

    private static Channel Identify(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("book"u8))
            return Channel.Book;
        if (name.SequenceEqual("ticker"u8))
            return Channel.Ticker;
        if (name.SequenceEqual("trade"u8))
            return Channel.Trade;
        if (name.SequenceEqual("ohlc"u8))
            return Channel.Ohlc;
        if (name.SequenceEqual("instrument"u8))
            return Channel.Instrument;
        if (name.SequenceEqual("heartbeat"u8))
            return Channel.Heartbeat;
        if (name.SequenceEqual("status"u8))
            return Channel.Status;
        return Channel.Unknown;
    }

    private ParseError ReadTopField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref TopFields top)
    {
        if (name.SequenceEqual("channel"u8))
            return JsonValues.ReadText(ref reader, out top.Channel);
        if (name.SequenceEqual("type"u8))
            return JsonValues.ReadText(ref reader, out top.Type);
        if (name.SequenceEqual("data"u8))
        {
            return reader.TokenType switch
            {
                JsonTokenType.StartArray => ReadEntries(ref reader),
                JsonTokenType.StartObject => ReadInstrumentData(ref reader),
                _ => ParseError.UnexpectedValue,
            };
        }
        if (name.SequenceEqual("method"u8))
            top.IsMethod = true;
        return JsonValues.SkipValue(ref reader);
    }

    private ParseError ReadEntries(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (reader.TokenType != JsonTokenType.StartObject)
                return ParseError.UnexpectedValue;
            if (_entryCount == _entries.Length)
                Array.Resize(ref _entries, _entries.Length * 2);
            ref var entry = ref _entries[_entryCount++];
            entry = default;
            entry.LevelStart = _levels.Count;
            var error = ReadEntry(ref reader, ref entry);
            if (error != ParseError.None)
                return error;
            entry.LevelCount = _levels.Count - entry.LevelStart;
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadEntry(ref Utf8JsonReader reader, ref KrakenEntry entry)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            var error = ReadEntryField(name, ref reader, ref entry);
            if (error != ParseError.None)
                return error;
        }
        return reader.TokenType == JsonTokenType.EndObject ? ParseError.None : ParseError.MalformedJson;
    }

    private ParseError ReadEntryField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref KrakenEntry entry)
    {
        switch (name.Length)
        {
            case 3:
                if (name.SequenceEqual("bid"u8))
                    return JsonValues.ReadText(ref reader, out entry.Bid);
                if (name.SequenceEqual("ask"u8))
                    return JsonValues.ReadText(ref reader, out entry.Ask);
                if (name.SequenceEqual("qty"u8))
                    return JsonValues.ReadText(ref reader, out entry.Quantity);
                if (name.SequenceEqual("low"u8))
                    return JsonValues.ReadText(ref reader, out entry.Low);
                break;
            case 4:
                if (name.SequenceEqual("bids"u8))
                    return ReadLevels(ref reader, Side.Buy);
                if (name.SequenceEqual("asks"u8))
                    return ReadLevels(ref reader, Side.Sell);
                if (name.SequenceEqual("last"u8))
                    return JsonValues.ReadText(ref reader, out entry.Last);
                if (name.SequenceEqual("side"u8))
                    return JsonValues.ReadText(ref reader, out entry.Side);
                if (name.SequenceEqual("open"u8))
                    return JsonValues.ReadText(ref reader, out entry.Open);
                if (name.SequenceEqual("high"u8))
                    return JsonValues.ReadText(ref reader, out entry.High);
                break;
            case 5:
                if (name.SequenceEqual("price"u8))
                    return JsonValues.ReadText(ref reader, out entry.Price);
                if (name.SequenceEqual("close"u8))
                    return JsonValues.ReadText(ref reader, out entry.Close);
                break;
            case 6:
                if (name.SequenceEqual("symbol"u8))
                    return JsonValues.ReadText(ref reader, out entry.Symbol);
                if (name.SequenceEqual("volume"u8))
                    return JsonValues.ReadText(ref reader, out entry.Volume);
                break;
            case 7:
                if (name.SequenceEqual("bid_qty"u8))
                    return JsonValues.ReadText(ref reader, out entry.BidQuantity);
                if (name.SequenceEqual("ask_qty"u8))
                    return JsonValues.ReadText(ref reader, out entry.AskQuantity);
                break;
            case 8:
                if (name.SequenceEqual("checksum"u8))
                {
                    entry.HasChecksum = true;
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out entry.Checksum) ? ParseError.None : ParseError.UnexpectedValue;
                }
                if (name.SequenceEqual("trade_id"u8))
                    return JsonValues.TryReadInt64(ref reader, out entry.TradeId) ? ParseError.None : ParseError.UnexpectedValue;
                if (name.SequenceEqual("interval"u8))
                    return JsonValues.TryReadInt64(ref reader, out entry.IntervalMinutes) ? ParseError.None : ParseError.UnexpectedValue;
                break;
            case 9:
                if (name.SequenceEqual("timestamp"u8))
                    return JsonValues.ReadText(ref reader, out entry.Timestamp);
                break;
            case 14:
                if (name.SequenceEqual("interval_begin"u8))
                    return JsonValues.ReadText(ref reader, out entry.IntervalBegin);
                break;
        }
        reader.Skip();
        return ParseError.None;
    }

    // Levels are objects: {"price":29430.2,"qty":0.18967538}.
    private ParseError ReadLevels(ref Utf8JsonReader reader, Side side)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return ParseError.UnexpectedValue;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (reader.TokenType != JsonTokenType.StartObject)
                return ParseError.UnexpectedValue;
            var price = TextSpan.Missing;
            var quantity = TextSpan.Missing;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("price"u8))
                {
                    if (!TextSpan.TryCapture(ref reader, out price))
                        return ParseError.UnexpectedValue;
                }
                else if (name.SequenceEqual("qty"u8))
                {
                    if (!TextSpan.TryCapture(ref reader, out quantity))
                        return ParseError.UnexpectedValue;
                }
                else
                {
                    reader.Skip();
                }
            }
            if (!price.IsPresent || !quantity.IsPresent)
                return ParseError.MissingField;
            _levels.Add(side, price, quantity);
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadInstrumentData(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPairs = reader.ValueTextEquals("pairs"u8);
            reader.Read();
            if (!isPairs)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
                return ParseError.UnexpectedValue;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var pair = new KrakenPair { PricePrecision = -1, QuantityPrecision = -1 };
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.ValueSpan;
                    reader.Read();
                    if (name.SequenceEqual("symbol"u8))
                    {
                        if (!TextSpan.TryCapture(ref reader, out pair.Symbol))
                            return ParseError.UnexpectedValue;
                    }
                    else if (name.SequenceEqual("price_precision"u8))
                    {
                        if (!reader.TryGetInt32(out pair.PricePrecision))
                            return ParseError.UnexpectedValue;
                    }
                    else if (name.SequenceEqual("qty_precision"u8))
                    {
                        if (!reader.TryGetInt32(out pair.QuantityPrecision))
                            return ParseError.UnexpectedValue;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                if (!pair.Symbol.IsPresent || pair.PricePrecision is < 0 or > 18 || pair.QuantityPrecision is < 0 or > 18)
                    return ParseError.MissingField;
                _pairs.Add(pair);
            }
        }
        return reader.TokenType == JsonTokenType.EndObject ? ParseError.None : ParseError.MalformedJson;
    }

    private ParseResult EmitBooks<TSink>(ReadOnlySpan<byte> message, bool isSnapshot, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _staged.Clear();
        var levelKind = isSnapshot ? MarketEventKind.BookSnapshotLevel : MarketEventKind.BookDeltaLevel;
        for (var e = 0; e < _entryCount; e++)
        {
            ref var entry = ref _entries[e];
            var error = TryEntryInstrument(message, ref entry, out var instrument, out var timeNs);
            if (error != ParseError.None)
                return Fail(error);
            var template = new MarketEvent
            {
                InstrumentId = instrument.Id,
                ExchangeTimeNs = timeNs,
                ReceiveTimestamp = context.ReceiveTimestamp,
                Checksum = entry.Checksum,
                Flags = (isSnapshot ? MarketEventFlags.Snapshot : MarketEventFlags.None) | (entry.HasChecksum ? MarketEventFlags.HasChecksum : MarketEventFlags.None),
            };
            for (var i = entry.LevelStart; i < entry.LevelStart + entry.LevelCount; i++)
            {
                ref var level = ref _staged.Add();
                level = template;
                level.Kind = levelKind;
                level.Side = _levels.SideAt(i);
                error = JsonValues.TryPrice(message, _levels.PriceAt(i), instrument, out level.Price, out level.PriceFractionDigits);
                if (error == ParseError.None)
                    error = JsonValues.TryQuantity(message, _levels.QuantityAt(i), instrument, out level.Quantity, out level.QuantityFractionDigits);
                if (error != ParseError.None)
                    return Fail(error);
            }
            ref var end = ref _staged.Add();
            end = template;
            end.Kind = MarketEventKind.BookEnd;
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitTickers<TSink>(ReadOnlySpan<byte> message, bool isSnapshot, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _staged.Clear();
        for (var e = 0; e < _entryCount; e++)
        {
            ref var entry = ref _entries[e];
            var error = TryEntryInstrument(message, ref entry, out var instrument, out var timeNs);
            if (error != ParseError.None)
                return Fail(error);
            ref var ticker = ref _staged.Add();
            ticker.Kind = MarketEventKind.Ticker;
            ticker.InstrumentId = instrument.Id;
            ticker.ExchangeTimeNs = timeNs;
            ticker.ReceiveTimestamp = context.ReceiveTimestamp;
            ticker.Flags = isSnapshot ? MarketEventFlags.Snapshot : MarketEventFlags.None;
            error = JsonValues.TryPrice(message, entry.Bid, instrument, out ticker.Price, out ticker.PriceFractionDigits);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, entry.BidQuantity, instrument, out ticker.Quantity, out ticker.QuantityFractionDigits);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, entry.Ask, instrument, out ticker.AskPrice, out _);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, entry.AskQuantity, instrument, out ticker.AskQuantity, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, entry.Last, instrument, out ticker.LastPrice, out _);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, entry.Volume, instrument, out ticker.FirstSequence, out _);
            if (error != ParseError.None)
                return Fail(error);
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitTrades<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _staged.Clear();
        for (var e = 0; e < _entryCount; e++)
        {
            ref var entry = ref _entries[e];
            var error = TryEntryInstrument(message, ref entry, out var instrument, out var timeNs);
            if (error != ParseError.None)
                return Fail(error);
            var side = entry.Side.IsPresent ? entry.Side.Of(message) : default;
            ref var trade = ref _staged.Add();
            trade.Kind = MarketEventKind.Trade;
            trade.InstrumentId = instrument.Id;
            trade.ExchangeTimeNs = timeNs;
            trade.ReceiveTimestamp = context.ReceiveTimestamp;
            trade.TradeId = entry.TradeId;
            trade.Side = side.SequenceEqual("buy"u8) ? Side.Buy : side.SequenceEqual("sell"u8) ? Side.Sell : Side.None;
            error = JsonValues.TryPrice(message, entry.Price, instrument, out trade.Price, out trade.PriceFractionDigits);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, entry.Quantity, instrument, out trade.Quantity, out trade.QuantityFractionDigits);
            if (error != ParseError.None)
                return Fail(error);
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitCandles<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _staged.Clear();
        for (var e = 0; e < _entryCount; e++)
        {
            ref var entry = ref _entries[e];
            var error = TryEntryInstrument(message, ref entry, out var instrument, out _);
            if (error != ParseError.None)
                return Fail(error);
            if (!entry.IntervalBegin.IsPresent || !Utf8Timestamp.TryParseRfc3339(entry.IntervalBegin.Of(message), out var beginNs) || entry.IntervalMinutes <= 0)
                return Fail(ParseError.MissingField);
            ref var candle = ref _staged.Add();
            candle.Kind = MarketEventKind.Candle;
            candle.InstrumentId = instrument.Id;
            candle.ExchangeTimeNs = beginNs;
            candle.ReceiveTimestamp = context.ReceiveTimestamp;
            candle.IntervalSeconds = entry.IntervalMinutes * 60;
            error = JsonValues.TryPrice(message, entry.Open, instrument, out candle.Price, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, entry.High, instrument, out candle.Quantity, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, entry.Low, instrument, out candle.AskPrice, out _);
            if (error == ParseError.None)
                error = JsonValues.TryPrice(message, entry.Close, instrument, out candle.AskQuantity, out _);
            if (error == ParseError.None)
                error = JsonValues.TryQuantity(message, entry.Volume, instrument, out candle.FirstSequence, out _);
            if (error != ParseError.None)
                return Fail(error);
        }
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult RegisterPairs(ReadOnlySpan<byte> message)
    {
        var conflicts = 0;
        foreach (var pair in _pairs)
        {
            var spec = new InstrumentSpec(KrakenDefinition.ExchangeName, KrakenDefinition.MarketName,
                Encoding.UTF8.GetString(pair.Symbol.Of(message)), pair.PricePrecision, pair.QuantityPrecision);
            try
            {
                _symbols.Registry.Register(spec);
            }
            catch (InstrumentConflictException)
            {
                conflicts++;
            }
        }
        return conflicts == 0 ? ParseResult.Ok(0) : ParseResult.Failed(ParseError.UnexpectedValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ParseError TryEntryInstrument(ReadOnlySpan<byte> message, ref KrakenEntry entry, out Instrument instrument, out long timeNs)
    {
        timeNs = 0;
        instrument = null!;
        if (!entry.Symbol.IsPresent)
            return ParseError.MissingField;
        if (!_symbols.TryResolve(entry.Symbol.Of(message), out instrument))
            return ParseError.UnknownSymbol;
        if (entry.Timestamp.IsPresent && !Utf8Timestamp.TryParseRfc3339(entry.Timestamp.Of(message), out timeNs))
            return ParseError.UnexpectedValue;
        return ParseError.None;
    }

    private ParseResult Fail(ParseError error)
    {
        _staged.Clear();
        return ParseResult.Failed(error);
    }

    /// <summary>The top-level members the message is classified by (the entries go to the parser's buffers).</summary>
    private struct TopFields
    {
        public TextSpan Channel;
        public TextSpan Type;
        public bool IsMethod;
    }

    /// <summary>Lets the shared document walk call this parser's member reader without a virtual call.</summary>
    private readonly struct MemberReader(KrakenParser parser) : IJsonMemberReader<TopFields>
    {
        public ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref TopFields top) => parser.ReadTopField(name, ref reader, ref top);
    }
}
