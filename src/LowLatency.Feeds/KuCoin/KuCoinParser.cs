using System.Runtime.CompilerServices;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.KuCoin;

/// <summary>
/// Parses KuCoin spot and futures public pushes and REST book snapshots: spot
/// <c>/market/level2</c>, <c>/market/ticker</c>, <c>/market/match</c>, <c>/market/candles</c>;
/// futures <c>/contractMarket/level2</c>, <c>ticker</c>, <c>tickerV2</c>, <c>execution</c>,
/// <c>limitCandle</c>. <c>welcome</c>, <c>ack</c>, <c>pong</c> and <c>error</c> frames are
/// recognised and ignored.
/// </summary>
/// <remarks>
/// <para>
/// One pass with <see cref="Utf8JsonReader"/> records where every known field is (KuCoin puts
/// <c>data</c> before <c>topic</c> as often as after); the topic then says what the message is.
/// Times come in milliseconds or nanoseconds depending on the topic and are normalised to
/// nanoseconds.
/// </para>
/// <para>
/// A spot <c>trade.l2update</c> covers <c>sequenceStart..sequenceEnd</c>, which become the
/// book message's first and last sequence, so the book checks
/// <c>sequenceStart = previous sequenceEnd + 1</c> and bridges the REST snapshot's
/// <c>sequence</c>. A change with price <c>0</c> only advances the sequence and is not a level.
/// The bridging message is applied whole: its changes at or below the snapshot's sequence set
/// levels to the sizes the snapshot already holds (sizes are absolute and one level's changes
/// arrive in sequence order), so the result equals skipping them as KuCoin's guide does. A
/// futures <c>level2</c> push is one change (<c>"price,side,size"</c>) with one sequence.
/// </para>
/// <para>
/// A spot ticker's <c>sequence</c> is the book's sequence at that moment, so besides the ticker
/// the parser emits a best-bid-offer carrying it, which the book cross-checks against its top.
/// </para>
/// </remarks>
public sealed class KuCoinParser : IExchangeParser
{
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    private readonly SymbolResolver _symbols;
    private readonly LevelTextBuffer _levels;
    private readonly EventBuffer _staged;

    /// <summary>Creates a parser resolving symbols through <paramref name="symbols"/>.</summary>
    /// <param name="symbols">Resolves symbols to instruments.</param>
    /// <param name="levelCapacity">Levels of one message the buffers hold before they grow.</param>
    public KuCoinParser(SymbolResolver symbols, int levelCapacity = LevelTextBuffer.DefaultCapacity)
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
        var fields = KuCoinMessage.Empty;
        var error = Read(message, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject)
            return ParseResult.Unknown;
        if (!fields.Topic.IsPresent)
            return IsControl(message, fields.Type) ? ParseResult.Ignored : ParseResult.Unknown;
        var topic = fields.Topic.Of(message);
        return Classify(topic) switch
        {
            KuCoinChannel.SpotLevel2 => EmitSpotLevel2(message, ref fields, in context, ref sink),
            KuCoinChannel.SpotTicker => EmitSpotTicker(message, ref fields, in context, ref sink),
            KuCoinChannel.SpotMatch => EmitTrade(message, ref fields, fields.Time, in context, ref sink),
            KuCoinChannel.SpotCandles or KuCoinChannel.FuturesCandles => EmitCandle(message, ref fields, in context, ref sink),
            KuCoinChannel.FuturesLevel2 => EmitFuturesLevel2(message, ref fields, in context, ref sink),
            KuCoinChannel.FuturesTicker => EmitFuturesTicker(message, ref fields, MarketEventKind.Ticker, in context, ref sink),
            KuCoinChannel.FuturesTickerV2 => EmitFuturesTicker(message, ref fields, MarketEventKind.BestBidOffer, in context, ref sink),
            KuCoinChannel.FuturesExecution => EmitTrade(message, ref fields, fields.Ts, in context, ref sink),
            _ => ParseResult.Unknown,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Accepts the spot <c>/api/v3/market/orderbook/level2</c> (and <c>level2_20/100</c>) and the
    /// futures <c>/api/v1/level2/snapshot</c> bodies. The spot body names no symbol: it comes
    /// from the request's <c>symbol=</c> query or from <see cref="MessageContext.SnapshotInstrumentId"/>.
    /// </remarks>
    public ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var fields = KuCoinMessage.Empty;
        var error = Read(body, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject || !fields.HasSequence)
            return ParseResult.Unknown;

        Instrument instrument;
        var symbol = QuerySymbol(requestUri);
        if (!symbol.IsEmpty)
        {
            if (!_symbols.TryResolve(symbol, out instrument))
                return ParseResult.Failed(ParseError.UnknownSymbol);
        }
        else if (fields.Symbol.IsPresent)
        {
            if (!_symbols.TryResolve(fields.Symbol.Of(body), out instrument))
                return ParseResult.Failed(ParseError.UnknownSymbol);
        }
        else if (context.SnapshotInstrumentId >= 0)
        {
            instrument = _symbols.Registry.Get(context.SnapshotInstrumentId);
        }
        else
        {
            return ParseResult.Failed(ParseError.MissingField);
        }

        // Spot snapshots state their time in milliseconds, futures snapshots in nanoseconds.
        var time = fields.Ts != 0 ? fields.Ts : fields.Time * NanosPerMilli;
        return EmitBook(body, instrument, fields.Sequence, fields.Sequence, time, MarketEventFlags.Snapshot | MarketEventFlags.FromRest, in context, ref sink);
    }

    /// <summary>Seconds of a KuCoin candle type such as <c>1min</c>, <c>4hour</c>, <c>1week</c> (a month counts 30 days).</summary>
    internal static bool TryIntervalSeconds(ReadOnlySpan<byte> type, out long seconds)
    {
        seconds = 0;
        var digits = 0;
        long count = 0;
        while (digits < type.Length && (uint)(type[digits] - '0') <= 9)
            count = count * 10 + (type[digits++] - '0');
        if (digits == 0 || digits > 4)
            return false;
        var unit = type[digits..];
        long unitSeconds;
        if (unit.SequenceEqual("min"u8))
            unitSeconds = 60;
        else if (unit.SequenceEqual("hour"u8))
            unitSeconds = 3600;
        else if (unit.SequenceEqual("day"u8))
            unitSeconds = 86_400;
        else if (unit.SequenceEqual("week"u8))
            unitSeconds = 604_800;
        else if (unit.SequenceEqual("month"u8))
            unitSeconds = 2_592_000;
        else
            return false;
        seconds = count * unitSeconds;
        return seconds > 0;
    }

    private static KuCoinChannel Classify(ReadOnlySpan<byte> topic)
    {
        if (topic.StartsWith("/market/level2:"u8))
            return KuCoinChannel.SpotLevel2;
        if (topic.StartsWith("/market/ticker:"u8))
            return KuCoinChannel.SpotTicker;
        if (topic.StartsWith("/market/match:"u8))
            return KuCoinChannel.SpotMatch;
        if (topic.StartsWith("/market/candles:"u8))
            return KuCoinChannel.SpotCandles;
        if (topic.StartsWith("/contractMarket/level2:"u8))
            return KuCoinChannel.FuturesLevel2;
        if (topic.StartsWith("/contractMarket/tickerV2:"u8))
            return KuCoinChannel.FuturesTickerV2;
        if (topic.StartsWith("/contractMarket/ticker:"u8))
            return KuCoinChannel.FuturesTicker;
        if (topic.StartsWith("/contractMarket/execution:"u8))
            return KuCoinChannel.FuturesExecution;
        if (topic.StartsWith("/contractMarket/limitCandle:"u8))
            return KuCoinChannel.FuturesCandles;
        return KuCoinChannel.Unknown;
    }

    private static bool IsControl(ReadOnlySpan<byte> message, TextSpan type)
    {
        if (!type.IsPresent)
            return false;
        var text = type.Of(message);
        return text.SequenceEqual("welcome"u8) || text.SequenceEqual("ack"u8) || text.SequenceEqual("pong"u8) || text.SequenceEqual("error"u8);
    }

    private ParseError Read(ReadOnlySpan<byte> message, ref KuCoinMessage fields, out bool isObject)
    {
        _levels.Clear();
        return JsonDocumentReader.Read(message, new MemberReader(this), ref fields, out isObject);
    }

    private ParseError ReadTopField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref KuCoinMessage fields)
    {
        if (name.SequenceEqual("data"u8))
            return reader.TokenType == JsonTokenType.StartObject ? ReadData(ref reader, ref fields) : JsonValues.SkipValue(ref reader);
        if (name.SequenceEqual("topic"u8))
            return JsonValues.ReadText(ref reader, out fields.Topic);
        if (name.SequenceEqual("type"u8))
            return JsonValues.ReadText(ref reader, out fields.Type);
        if (name.SequenceEqual("subject"u8))
            return JsonValues.ReadText(ref reader, out fields.Subject);
        return JsonValues.SkipValue(ref reader);
    }

    private ParseError ReadData(ref Utf8JsonReader reader, ref KuCoinMessage fields)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            var error = ReadDataField(name, ref reader, ref fields);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private ParseError ReadDataField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref KuCoinMessage fields)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("ts"u8):
                return JsonValues.ReadInt64(ref reader, out fields.Ts);
            case 4 when name.SequenceEqual("time"u8) || name.SequenceEqual("Time"u8):
                return JsonValues.ReadInt64(ref reader, out fields.Time);
            case 4 when name.SequenceEqual("side"u8):
                return JsonValues.ReadText(ref reader, out fields.Side);
            case 4 when name.SequenceEqual("size"u8):
                return JsonValues.ReadText(ref reader, out fields.Size);
            case 4 when name.SequenceEqual("bids"u8):
                return JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels);
            case 4 when name.SequenceEqual("asks"u8):
                return JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels);
            case 5 when name.SequenceEqual("price"u8):
                return JsonValues.ReadText(ref reader, out fields.Price);
            case 6 when name.SequenceEqual("symbol"u8):
                return JsonValues.ReadText(ref reader, out fields.Symbol);
            case 6 when name.SequenceEqual("change"u8):
                return JsonValues.ReadText(ref reader, out fields.Change);
            case 7 when name.SequenceEqual("changes"u8):
                return reader.TokenType == JsonTokenType.StartObject ? ReadChanges(ref reader) : ParseError.UnexpectedValue;
            case 7 when name.SequenceEqual("bestBid"u8):
                return JsonValues.ReadText(ref reader, out fields.BestBid);
            case 7 when name.SequenceEqual("bestAsk"u8):
                return JsonValues.ReadText(ref reader, out fields.BestAsk);
            case 7 when name.SequenceEqual("candles"u8):
                return ReadCandles(ref reader, ref fields);
            case 7 when name.SequenceEqual("tradeId"u8):
                return JsonValues.ReadText(ref reader, out fields.TradeId);
            case 8 when name.SequenceEqual("sequence"u8):
                fields.HasSequence = true;
                return JsonValues.ReadInt64(ref reader, out fields.Sequence);
            case 9 when name.SequenceEqual("timestamp"u8):
                return JsonValues.ReadInt64(ref reader, out fields.Timestamp);
            case 11 when name.SequenceEqual("sequenceEnd"u8):
                fields.HasSequenceEnd = true;
                return JsonValues.ReadInt64(ref reader, out fields.SequenceEnd);
            case 11 when name.SequenceEqual("bestBidSize"u8):
                return JsonValues.ReadText(ref reader, out fields.BestBidSize);
            case 11 when name.SequenceEqual("bestAskSize"u8):
                return JsonValues.ReadText(ref reader, out fields.BestAskSize);
            case 12 when name.SequenceEqual("bestBidPrice"u8):
                return JsonValues.ReadText(ref reader, out fields.BestBid);
            case 12 when name.SequenceEqual("bestAskPrice"u8):
                return JsonValues.ReadText(ref reader, out fields.BestAsk);
            case 13 when name.SequenceEqual("sequenceStart"u8):
                fields.HasSequenceStart = true;
                return JsonValues.ReadInt64(ref reader, out fields.SequenceStart);
            default:
                return JsonValues.SkipValue(ref reader);
        }
    }

    private ParseError ReadChanges(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            ParseError error;
            if (name.SequenceEqual("asks"u8))
                error = JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels);
            else if (name.SequenceEqual("bids"u8))
                error = JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels);
            else
                error = JsonValues.SkipValue(ref reader);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private static ParseError ReadCandles(ref Utf8JsonReader reader, ref KuCoinMessage fields)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return ParseError.UnexpectedValue;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (!TextSpan.TryCapture(ref reader, out var value))
                return ParseError.UnexpectedValue;
            switch (fields.CandleCount++)
            {
                case 0:
                    fields.CandleStart = value;
                    break;
                case 1:
                    fields.CandleOpen = value;
                    break;
                case 2:
                    fields.CandleClose = value;
                    break;
                case 3:
                    fields.CandleHigh = value;
                    break;
                case 4:
                    fields.CandleLow = value;
                    break;
                case 5:
                    fields.CandleVolume = value;
                    break;
            }
        }
        return ParseError.MalformedJson;
    }

    private ParseResult EmitSpotLevel2<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.HasSequenceStart || !fields.HasSequenceEnd)
            return ParseResult.Failed(ParseError.MissingField);
        return EmitBook(message, instrument, fields.SequenceStart, fields.SequenceEnd, fields.Time * NanosPerMilli, MarketEventFlags.None, in context, ref sink);
    }

    private ParseResult EmitBook<TSink>(ReadOnlySpan<byte> message, Instrument instrument, long first, long last, long time, MarketEventFlags flags, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var kind = (flags & MarketEventFlags.Snapshot) != 0 ? MarketEventKind.BookSnapshotLevel : MarketEventKind.BookDeltaLevel;
        var levels = _levels;
        for (var i = 0; i < levels.Count; i++)
        {
            var error = JsonValues.TryPrice(message, levels.PriceAt(i), instrument, out var price, out var priceDigits);
            if (error == ParseError.None && price == 0)
                continue;
            ref var level = ref _staged.Add();
            level.Kind = kind;
            level.Flags = flags;
            level.InstrumentId = instrument.Id;
            level.Side = levels.SideAt(i);
            level.ExchangeTimeNs = time;
            level.ReceiveTimestamp = context.ReceiveTimestamp;
            level.FirstSequence = first;
            level.Sequence = last;
            level.Price = price;
            level.PriceFractionDigits = priceDigits;
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
        end.FirstSequence = first;
        end.Sequence = last;
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseResult EmitFuturesLevel2<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.HasSequence || !fields.Change.IsPresent)
            return ParseResult.Failed(ParseError.MissingField);

        // "price,side,size": split into text positions within the message.
        var change = fields.Change;
        var text = change.Of(message);
        var firstComma = text.IndexOf((byte)',');
        var secondComma = firstComma < 0 ? -1 : text[(firstComma + 1)..].IndexOf((byte)',');
        if (secondComma < 0)
            return ParseResult.Failed(ParseError.UnexpectedValue);
        secondComma += firstComma + 1;
        var side = text[(firstComma + 1)..secondComma];
        Side bookSide;
        if (side.SequenceEqual("buy"u8))
            bookSide = Side.Buy;
        else if (side.SequenceEqual("sell"u8))
            bookSide = Side.Sell;
        else
            return ParseResult.Failed(ParseError.UnexpectedValue);
        _levels.Add(bookSide, new TextSpan(change.Start, firstComma), new TextSpan(change.Start + secondComma + 1, change.Length - secondComma - 1));
        return EmitBook(message, instrument, fields.Sequence, fields.Sequence, fields.Timestamp * NanosPerMilli, MarketEventFlags.None, in context, ref sink);
    }

    private ParseResult EmitSpotTicker<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        // The all-symbols topic names each push's symbol in its subject.
        if (!fields.Symbol.IsPresent && fields.Topic.Of(message).EndsWith(":all"u8))
            fields.Symbol = fields.Subject;
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.HasSequence)
            return ParseResult.Failed(ParseError.MissingField);
        var ticker = new MarketEvent
        {
            Kind = MarketEventKind.Ticker,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = fields.Time * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            Sequence = fields.Sequence,
        };
        error = ReadQuote(message, ref fields, instrument, ref ticker);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.Price, instrument, out ticker.LastPrice, out _);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        var bestBidOffer = ticker;
        bestBidOffer.Kind = MarketEventKind.BestBidOffer;
        bestBidOffer.Flags = MarketEventFlags.HasBookSequence;
        sink.OnEvent(in ticker);
        sink.OnEvent(in bestBidOffer);
        return ParseResult.Ok(2);
    }

    private ParseResult EmitFuturesTicker<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, MarketEventKind kind, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        var ticker = new MarketEvent
        {
            Kind = kind,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = fields.Ts,
            ReceiveTimestamp = context.ReceiveTimestamp,
            Sequence = fields.Sequence,
        };
        error = ReadQuote(message, ref fields, instrument, ref ticker);
        if (error == ParseError.None && kind == MarketEventKind.Ticker)
            error = JsonValues.TryPrice(message, fields.Price, instrument, out ticker.LastPrice, out _);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in ticker);
        return ParseResult.Ok(1);
    }

    private static ParseError ReadQuote(ReadOnlySpan<byte> message, ref KuCoinMessage fields, Instrument instrument, ref MarketEvent quote)
    {
        var error = JsonValues.TryPrice(message, fields.BestBid, instrument, out quote.Price, out _);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, fields.BestBidSize, instrument, out quote.Quantity, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.BestAsk, instrument, out quote.AskPrice, out _);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, fields.BestAskSize, instrument, out quote.AskQuantity, out _);
        return error;
    }

    private ParseResult EmitTrade<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, long timeNs, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.TradeId.IsPresent || !fields.Side.IsPresent)
            return ParseResult.Failed(ParseError.MissingField);
        var trade = new MarketEvent
        {
            Kind = MarketEventKind.Trade,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = timeNs,
            ReceiveTimestamp = context.ReceiveTimestamp,
            TradeId = TradeIdText.ToInt64(fields.TradeId.Of(message)),
        };
        var side = fields.Side.Of(message);
        if (side.SequenceEqual("buy"u8))
        {
            trade.Side = Side.Buy;
        }
        else if (side.SequenceEqual("sell"u8))
        {
            trade.Side = Side.Sell;
            trade.Flags = MarketEventFlags.BuyerIsMaker;
        }
        else
        {
            return ParseResult.Failed(ParseError.UnexpectedValue);
        }
        error = JsonValues.TryPrice(message, fields.Price, instrument, out trade.Price, out trade.PriceFractionDigits);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, fields.Size, instrument, out trade.Quantity, out trade.QuantityFractionDigits);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in trade);
        return ParseResult.Ok(1);
    }

    private ParseResult EmitCandle<TSink>(ReadOnlySpan<byte> message, ref KuCoinMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, ref fields, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (fields.CandleCount < KuCoinMessage.CandleFields - 1)
            return ParseResult.Failed(ParseError.MissingField);
        var topic = fields.Topic.Of(message);
        if (!TryIntervalSeconds(topic[(topic.LastIndexOf((byte)'_') + 1)..], out var seconds) ||
            FixedPointParser.TryParse(fields.CandleStart.Of(message), 0, out var startSeconds) != NumberParseStatus.Ok)
            return ParseResult.Failed(ParseError.UnexpectedValue);
        var candle = new MarketEvent
        {
            Kind = MarketEventKind.Candle,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = startSeconds * NanosPerSecond,
            ReceiveTimestamp = context.ReceiveTimestamp,
            IntervalSeconds = seconds,
        };
        error = JsonValues.TryPrice(message, fields.CandleOpen, instrument, out candle.Price, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.CandleHigh, instrument, out candle.Quantity, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.CandleLow, instrument, out candle.AskPrice, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.CandleClose, instrument, out candle.AskQuantity, out _);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, fields.CandleVolume, instrument, out candle.FirstSequence, out _);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in candle);
        return ParseResult.Ok(1);
    }

    // The symbol is in the data when KuCoin sends it there, otherwise after the topic's colon.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInstrument(ReadOnlySpan<byte> message, ref KuCoinMessage fields, out Instrument instrument, out ParseError error)
    {
        ReadOnlySpan<byte> symbol;
        if (fields.Symbol.IsPresent)
        {
            symbol = fields.Symbol.Of(message);
        }
        else
        {
            var topic = fields.Topic.Of(message);
            symbol = topic[(topic.IndexOf((byte)':') + 1)..];
        }
        if (!_symbols.TryResolve(symbol, out instrument))
        {
            error = ParseError.UnknownSymbol;
            return false;
        }
        error = ParseError.None;
        return true;
    }

    private static ReadOnlySpan<byte> QuerySymbol(ReadOnlySpan<byte> requestUri)
    {
        var query = requestUri.IndexOf((byte)'?');
        if (query < 0)
            return default;
        var rest = requestUri[(query + 1)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'&');
            var pair = end < 0 ? rest : rest[..end];
            if (pair.StartsWith("symbol="u8))
                return pair["symbol="u8.Length..];
            rest = end < 0 ? default : rest[(end + 1)..];
        }
        return default;
    }

    /// <summary>Lets the shared document walk call this parser's member reader without a virtual call.</summary>
    private readonly struct MemberReader(KuCoinParser parser) : IJsonMemberReader<KuCoinMessage>
    {
        public ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref KuCoinMessage fields) => parser.ReadTopField(name, ref reader, ref fields);
    }
}
