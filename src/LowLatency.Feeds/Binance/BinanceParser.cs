using System.Runtime.CompilerServices;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// Parses Binance spot, USD-M and COIN-M market streams (raw or combined
/// <c>{"stream":..,"data":..}</c>): <c>depthUpdate</c>, <c>bookTicker</c>, <c>trade</c>,
/// <c>aggTrade</c>, <c>kline</c>, and REST depth snapshots.
/// </summary>
/// <remarks>
/// <para>
/// One pass with <see cref="Utf8JsonReader"/> records where every known field is; the message
/// is then classified (the spot <c>bookTicker</c> has no <c>"e"</c>, so shape decides) and its
/// numbers converted at the instrument's scales. Binance keys are case-sensitive single letters
/// (<c>b</c> bid levels or best bid, <c>B</c> best bid size, <c>a</c> ask levels, best ask or
/// aggregate trade id depending on the JSON type).
/// </para>
/// <para>
/// A <see cref="BinanceScanner"/> reads the common messages first, byte by byte, converting
/// level digits as it goes (about three times faster than the reader on depth updates); it fills
/// the same fields or declines, and anything it declines takes the <see cref="Utf8JsonReader"/>
/// pass, which decides the result or the error exactly as without the scanner.
/// </para>
/// <para>
/// A depth snapshot (<c>{"lastUpdateId":..,"bids":..,"asks":..}</c>) is accepted on both paths:
/// from <see cref="ParseRestResponse"/> and in-line on the message path, where the
/// hftbacktest collector writes it. Spot and USD-M snapshots name no symbol: it comes from the
/// request URL or from <see cref="MessageContext.SnapshotInstrumentId"/>.
/// </para>
/// </remarks>
public sealed class BinanceParser : IExchangeParser
{
    private const long NanosPerMilli = 1_000_000;

    private readonly SymbolResolver _symbols;
    private readonly LevelTextBuffer _levels;
    private readonly EventBuffer _staged;
    private readonly BinanceScanner? _scanner;

    /// <summary>Creates a parser resolving symbols through <paramref name="symbols"/>.</summary>
    /// <param name="symbols">Resolves symbols to instruments.</param>
    /// <param name="levelCapacity">Levels of one message the buffers hold before they grow.</param>
    public BinanceParser(SymbolResolver symbols, int levelCapacity = LevelTextBuffer.DefaultCapacity)
        : this(symbols, scan: true, levelCapacity)
    {
    }

    /// <summary>Creates a parser; without <paramref name="scan"/> every message takes the general reader (the reference the scanner is tested against).</summary>
    internal BinanceParser(SymbolResolver symbols, bool scan, int levelCapacity = LevelTextBuffer.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols;
        _levels = new LevelTextBuffer(levelCapacity);
        _staged = new EventBuffer(levelCapacity);
        _scanner = scan ? new BinanceScanner(_levels, levelCapacity) : null;
    }

    /// <inheritdoc />
    public ParseResult Parse<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        // Most messages are combined-stream envelopes; reading only their "data" object saves a
        // fifth of the tokens of a trade. Anything unusual takes the general path below.
        if (TryUnwrapData(message, out var data))
        {
            var result = ParseDocument(data, in context, ref sink);
            if (result.Error != ParseError.MalformedJson)
                return result;
        }
        return ParseDocument(message, in context, ref sink);
    }

    private ParseResult ParseDocument<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var fields = default(BinanceMessage);
        var error = Read(message, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject)
            return ParseResult.Unknown;
        if (fields.HasSnapshot)
            return EmitSnapshot(message, ref fields, default, in context, ref sink);
        return Classify(message, ref fields, in context, ref sink);
    }

    /// <summary>
    /// Finds the <c>data</c> object of <c>{"stream":"name","data":{...}}</c> by its fixed layout
    /// (stream names never need escaping); false when the message is laid out any other way.
    /// </summary>
    internal static bool TryUnwrapData(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> data)
    {
        data = default;
        ReadOnlySpan<byte> prefix = "{\"stream\":\""u8;
        ReadOnlySpan<byte> separator = "\",\"data\":"u8;
        if (!message.StartsWith(prefix))
            return false;
        var nameLength = message[prefix.Length..].IndexOfAny((byte)'"', (byte)'\\');
        if (nameLength < 0)
            return false;
        var afterName = prefix.Length + nameLength;
        if (!message[afterName..].StartsWith(separator))
            return false;
        var end = message.TrimEnd(" \t\r\n"u8).Length - 1;
        var start = afterName + separator.Length;
        if (end <= start || message[end] != (byte)'}' || message[start] != (byte)'{')
            return false;
        data = message[start..end];
        return true;
    }

    /// <inheritdoc />
    public ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var fields = default(BinanceMessage);
        var error = Read(body, ref fields, out var isObject);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        if (!isObject || !fields.HasSnapshot)
            return ParseResult.Unknown;
        return EmitSnapshot(body, ref fields, QuerySymbol(requestUri), in context, ref sink);
    }

    private ParseError Read(ReadOnlySpan<byte> message, ref BinanceMessage fields, out bool isObject)
    {
        _levels.Clear();
        if (_scanner is not null)
        {
            if (_scanner.TryRead(message, ref fields))
            {
                isObject = true;
                return ParseError.None;
            }
            // Declined: the general reader starts over and decides the result or the error.
            fields = default;
            _levels.Clear();
        }
        return JsonDocumentReader.Read(message, new MemberReader(this), ref fields, out isObject);
    }

    private ParseError ReadField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BinanceMessage fields)
    {
        if (name.Length == 1)
            return ReadShortField(name[0], ref reader, ref fields);
        if (name.SequenceEqual("data"u8))
            return reader.TokenType == JsonTokenType.StartObject ? JsonDocumentReader.ReadMembers(ref reader, new MemberReader(this), ref fields) : ParseError.UnexpectedValue;
        if (name.SequenceEqual("pu"u8))
            return JsonValues.ReadInt64(ref reader, out fields.PreviousUpdateId);
        if (name.SequenceEqual("bids"u8))
            return JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels);
        if (name.SequenceEqual("asks"u8))
            return JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels);
        if (name.SequenceEqual("lastUpdateId"u8))
        {
            fields.HasSnapshot = true;
            return JsonValues.ReadInt64(ref reader, out fields.SnapshotUpdateId);
        }
        if (name.SequenceEqual("symbol"u8))
            return JsonValues.ReadText(ref reader, out fields.Symbol);
        if (name.SequenceEqual("result"u8))
            fields.IsResponse = true;
        return JsonValues.SkipValue(ref reader);
    }

    private ParseError ReadShortField(byte name, ref Utf8JsonReader reader, ref BinanceMessage fields)
    {
        switch (name)
        {
            case (byte)'e':
                return JsonValues.ReadText(ref reader, out fields.EventType);
            case (byte)'s':
                return JsonValues.ReadText(ref reader, out fields.Symbol);
            case (byte)'E':
                return JsonValues.ReadInt64(ref reader, out fields.EventTimeMs);
            case (byte)'T':
                return JsonValues.ReadInt64(ref reader, out fields.TransactionTimeMs);
            case (byte)'U':
                fields.HasFirstUpdateId = true;
                return JsonValues.ReadInt64(ref reader, out fields.FirstUpdateId);
            case (byte)'u':
                fields.HasLastUpdateId = true;
                return JsonValues.ReadInt64(ref reader, out fields.LastUpdateId);
            case (byte)'t':
                fields.HasTradeId = true;
                return JsonValues.ReadInt64(ref reader, out fields.TradeId);
            case (byte)'b':
                return reader.TokenType == JsonTokenType.StartArray
                    ? JsonValues.ReadPairLevels(ref reader, Side.Buy, _levels)
                    : JsonValues.ReadText(ref reader, out fields.BidPrice);
            case (byte)'a':
                if (reader.TokenType == JsonTokenType.StartArray)
                    return JsonValues.ReadPairLevels(ref reader, Side.Sell, _levels);
                if (reader.TokenType == JsonTokenType.Number)
                {
                    fields.HasAggregateTradeId = true;
                    return JsonValues.ReadInt64(ref reader, out fields.AggregateTradeId);
                }
                return JsonValues.ReadText(ref reader, out fields.AskPrice);
            case (byte)'B':
                return JsonValues.ReadText(ref reader, out fields.BidQuantity);
            case (byte)'A':
                return JsonValues.ReadText(ref reader, out fields.AskQuantity);
            case (byte)'p':
                return JsonValues.ReadText(ref reader, out fields.Price);
            case (byte)'q':
                return JsonValues.ReadText(ref reader, out fields.Quantity);
            case (byte)'m':
                return JsonValues.TryReadBoolean(ref reader, out fields.BuyerIsMaker) ? ParseError.None : ParseError.UnexpectedValue;
            case (byte)'k':
                fields.HasKline = true;
                return reader.TokenType == JsonTokenType.StartObject ? ReadKline(ref reader, ref fields) : ParseError.UnexpectedValue;
            default:
                return JsonValues.SkipValue(ref reader);
        }
    }

    private static ParseError ReadKline(ref Utf8JsonReader reader, ref BinanceMessage fields)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            reader.Read();
            var error = name.Length != 1 ? JsonValues.SkipValue(ref reader) : name[0] switch
            {
                (byte)'t' => JsonValues.ReadInt64(ref reader, out fields.KlineOpenTimeMs),
                (byte)'i' => JsonValues.ReadText(ref reader, out fields.KlineInterval),
                (byte)'o' => JsonValues.ReadText(ref reader, out fields.KlineOpen),
                (byte)'h' => JsonValues.ReadText(ref reader, out fields.KlineHigh),
                (byte)'l' => JsonValues.ReadText(ref reader, out fields.KlineLow),
                (byte)'c' => JsonValues.ReadText(ref reader, out fields.KlineClose),
                (byte)'v' => JsonValues.ReadText(ref reader, out fields.KlineVolume),
                (byte)'x' => JsonValues.TryReadBoolean(ref reader, out fields.KlineClosed) ? ParseError.None : ParseError.UnexpectedValue,
                (byte)'s' => JsonValues.ReadText(ref reader, out fields.Symbol),
                _ => JsonValues.SkipValue(ref reader),
            };
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }

    private ParseResult Classify<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        var type = fields.EventType.IsPresent ? fields.EventType.Of(message) : default;
        switch (type.Length)
        {
            case 11 when type.SequenceEqual("depthUpdate"u8):
                return EmitDepth(message, ref fields, in context, ref sink);
            case 5 when type.SequenceEqual("trade"u8):
                return fields.HasTradeId ? EmitTrade(message, ref fields, fields.TradeId, in context, ref sink) : ParseResult.Failed(ParseError.MissingField);
            case 8 when type.SequenceEqual("aggTrade"u8):
                return fields.HasAggregateTradeId ? EmitTrade(message, ref fields, fields.AggregateTradeId, in context, ref sink) : ParseResult.Failed(ParseError.MissingField);
            case 10 when type.SequenceEqual("bookTicker"u8):
                return EmitBestBidOffer(message, ref fields, in context, ref sink);
            case 5 when type.SequenceEqual("kline"u8) && fields.HasKline:
                return EmitCandle(message, ref fields, in context, ref sink);
            case 0 when fields.HasLastUpdateId && fields.BidPrice.IsPresent:
                // The spot bookTicker is the one stream without an event type.
                return EmitBestBidOffer(message, ref fields, in context, ref sink);
            case 0 when fields.IsResponse:
                return ParseResult.Ignored;
        }
        return ParseResult.Unknown;
    }

    private ParseResult EmitDepth<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!fields.HasFirstUpdateId || !fields.HasLastUpdateId)
            return ParseResult.Failed(ParseError.MissingField);
        if (!TryInstrument(message, fields.Symbol, out var instrument, out var error))
            return ParseResult.Failed(error);
        var template = new MarketEvent
        {
            InstrumentId = instrument.Id,
            ExchangeTimeNs = fields.EventTimeMs * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            FirstSequence = fields.FirstUpdateId,
            Sequence = fields.LastUpdateId,
            PreviousSequence = fields.PreviousUpdateId,
            Flags = MarketEventFlags.HasBookSequence,
        };
        return EmitBook(message, instrument, MarketEventKind.BookDeltaLevel, fields.LevelsScanned, ref template, ref sink);
    }

    private ParseResult EmitSnapshot<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, ReadOnlySpan<byte> urlSymbol, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        Instrument instrument;
        if (!urlSymbol.IsEmpty || fields.Symbol.IsPresent)
        {
            var symbol = urlSymbol.IsEmpty ? fields.Symbol.Of(message) : urlSymbol;
            if (!_symbols.TryResolve(symbol, out instrument))
                return ParseResult.Failed(ParseError.UnknownSymbol);
        }
        else if (context.SnapshotInstrumentId >= 0 && context.SnapshotInstrumentId < _symbols.Registry.Count)
        {
            instrument = _symbols.Registry.Get(context.SnapshotInstrumentId);
        }
        else
        {
            return ParseResult.Failed(ParseError.MissingField);
        }
        var template = new MarketEvent
        {
            InstrumentId = instrument.Id,
            ExchangeTimeNs = fields.EventTimeMs * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            FirstSequence = fields.SnapshotUpdateId,
            Sequence = fields.SnapshotUpdateId,
            Flags = MarketEventFlags.Snapshot | MarketEventFlags.FromRest | MarketEventFlags.HasBookSequence,
        };
        return EmitBook(message, instrument, MarketEventKind.BookSnapshotLevel, fields.LevelsScanned, ref template, ref sink);
    }

    private ParseResult EmitBook<TSink>(ReadOnlySpan<byte> message, Instrument instrument, MarketEventKind levelKind, bool scanned, ref MarketEvent template, ref TSink sink)
        where TSink : IMarketEventSink
    {
        _staged.Clear();
        var error = scanned
            ? StageScannedLevels(message, instrument, levelKind, ref template)
            : StageTextLevels(message, instrument, levelKind, ref template);
        if (error != ParseError.None)
        {
            _staged.Clear();
            return ParseResult.Failed(error);
        }
        ref var end = ref _staged.Add();
        end = template;
        end.Kind = MarketEventKind.BookEnd;
        return ParseResult.Ok(_staged.Flush(ref sink));
    }

    private ParseError StageTextLevels(ReadOnlySpan<byte> message, Instrument instrument, MarketEventKind levelKind, ref MarketEvent template)
    {
        for (var i = 0; i < _levels.Count; i++)
        {
            ref var level = ref _staged.Add();
            level = template;
            level.Kind = levelKind;
            level.Side = _levels.SideAt(i);
            var error = ConvertLevelText(message, i, instrument, ref level);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.None;
    }

    private ParseError StageScannedLevels(ReadOnlySpan<byte> message, Instrument instrument, MarketEventKind levelKind, ref MarketEvent template)
    {
        var scanner = _scanner!;
        var priceScale = instrument.PriceScale;
        var quantityScale = instrument.QuantityScale;
        var count = _levels.Count;
        for (var i = 0; i < count; i++)
        {
            ref var level = ref _staged.Add();
            level = template;
            level.Kind = levelKind;
            level.Side = _levels.SideAt(i);
            ref readonly var scanned = ref scanner[i];
            if (scanned.Price.TryScale(priceScale, out level.Price) && scanned.Quantity.TryScale(quantityScale, out level.Quantity))
            {
                level.PriceFractionDigits = scanned.Price.FractionDigits;
                level.QuantityFractionDigits = scanned.Quantity.FractionDigits;
                continue;
            }
            // A number that does not fit the scale: the text parser gives its value or names the error.
            var error = ConvertLevelText(message, i, instrument, ref level);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.None;
    }

    private ParseError ConvertLevelText(ReadOnlySpan<byte> message, int index, Instrument instrument, ref MarketEvent level)
    {
        var error = JsonValues.TryPrice(message, _levels.PriceAt(index), instrument, out level.Price, out level.PriceFractionDigits);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, _levels.QuantityAt(index), instrument, out level.Quantity, out level.QuantityFractionDigits);
        return error;
    }

    /// <summary>
    /// The number at <paramref name="scale"/> from its scanned digits, or from its text when it was
    /// not scanned or does not fit the scale (the text parser then names the error).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ParseError Convert(ReadOnlySpan<byte> message, TextSpan text, in ScannedNumber scanned, int scale, out long value, out byte fractionDigits)
    {
        if (scanned.TryScale(scale, out value))
        {
            fractionDigits = scanned.FractionDigits;
            return ParseError.None;
        }
        return ConvertText(message, text, scale, out value, out fractionDigits);
    }

    // Out of line: the rare case (a number that is not plain digits or does not fit) stays out of the level loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ParseError ConvertText(ReadOnlySpan<byte> message, TextSpan text, int scale, out long value, out byte fractionDigits) =>
        JsonValues.TryFixedPoint(message, text, scale, out value, out fractionDigits);

    private ParseResult EmitTrade<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, long tradeId, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Symbol, out var instrument, out var error))
            return ParseResult.Failed(error);
        var trade = new MarketEvent
        {
            Kind = MarketEventKind.Trade,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = (fields.TransactionTimeMs != 0 ? fields.TransactionTimeMs : fields.EventTimeMs) * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            TradeId = tradeId,
            // The buyer being the maker means the seller took liquidity.
            Side = fields.BuyerIsMaker ? Side.Sell : Side.Buy,
            Flags = fields.BuyerIsMaker ? MarketEventFlags.BuyerIsMaker : MarketEventFlags.None,
        };
        error = Convert(message, fields.Price, fields.ScannedPrice, instrument.PriceScale, out trade.Price, out trade.PriceFractionDigits);
        if (error == ParseError.None)
            error = Convert(message, fields.Quantity, fields.ScannedQuantity, instrument.QuantityScale, out trade.Quantity, out trade.QuantityFractionDigits);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in trade);
        return ParseResult.Ok(1);
    }

    private ParseResult EmitBestBidOffer<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Symbol, out var instrument, out var error))
            return ParseResult.Failed(error);
        var bbo = new MarketEvent
        {
            Kind = MarketEventKind.BestBidOffer,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = (fields.TransactionTimeMs != 0 ? fields.TransactionTimeMs : fields.EventTimeMs) * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            Sequence = fields.LastUpdateId,
            Flags = fields.HasLastUpdateId ? MarketEventFlags.HasBookSequence : MarketEventFlags.None,
        };
        error = Convert(message, fields.BidPrice, fields.ScannedBidPrice, instrument.PriceScale, out bbo.Price, out bbo.PriceFractionDigits);
        if (error == ParseError.None)
            error = Convert(message, fields.BidQuantity, fields.ScannedBidQuantity, instrument.QuantityScale, out bbo.Quantity, out bbo.QuantityFractionDigits);
        if (error == ParseError.None)
            error = Convert(message, fields.AskPrice, fields.ScannedAskPrice, instrument.PriceScale, out bbo.AskPrice, out _);
        if (error == ParseError.None)
            error = Convert(message, fields.AskQuantity, fields.ScannedAskQuantity, instrument.QuantityScale, out bbo.AskQuantity, out _);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in bbo);
        return ParseResult.Ok(1);
    }

    private ParseResult EmitCandle<TSink>(ReadOnlySpan<byte> message, ref BinanceMessage fields, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink
    {
        if (!TryInstrument(message, fields.Symbol, out var instrument, out var error))
            return ParseResult.Failed(error);
        if (!fields.KlineInterval.IsPresent || !TryIntervalSeconds(fields.KlineInterval.Of(message), out var seconds))
            return ParseResult.Failed(ParseError.UnexpectedValue);
        var candle = new MarketEvent
        {
            Kind = MarketEventKind.Candle,
            InstrumentId = instrument.Id,
            ExchangeTimeNs = fields.KlineOpenTimeMs * NanosPerMilli,
            ReceiveTimestamp = context.ReceiveTimestamp,
            IntervalSeconds = seconds,
            Flags = fields.KlineClosed ? MarketEventFlags.CandleClosed : MarketEventFlags.None,
        };
        error = JsonValues.TryPrice(message, fields.KlineOpen, instrument, out candle.Price, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.KlineHigh, instrument, out candle.Quantity, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.KlineLow, instrument, out candle.AskPrice, out _);
        if (error == ParseError.None)
            error = JsonValues.TryPrice(message, fields.KlineClose, instrument, out candle.AskQuantity, out _);
        if (error == ParseError.None)
            error = JsonValues.TryQuantity(message, fields.KlineVolume, instrument, out candle.FirstSequence, out _);
        if (error != ParseError.None)
            return ParseResult.Failed(error);
        sink.OnEvent(in candle);
        return ParseResult.Ok(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInstrument(ReadOnlySpan<byte> message, TextSpan symbol, out Instrument instrument, out ParseError error)
    {
        if (!symbol.IsPresent)
        {
            instrument = null!;
            error = ParseError.MissingField;
            return false;
        }
        if (!_symbols.TryResolve(symbol.Of(message), out instrument))
        {
            error = ParseError.UnknownSymbol;
            return false;
        }
        error = ParseError.None;
        return true;
    }

    /// <summary>Seconds of a Binance interval such as <c>1m</c>, <c>4h</c>, <c>1w</c> (a month counts 30 days).</summary>
    internal static bool TryIntervalSeconds(ReadOnlySpan<byte> interval, out long seconds)
    {
        seconds = 0;
        if (interval.Length < 2)
            return false;
        long count = 0;
        for (var i = 0; i < interval.Length - 1; i++)
        {
            var digit = (uint)(interval[i] - '0');
            if (digit > 9)
                return false;
            count = count * 10 + digit;
        }
        long unit = interval[^1] switch
        {
            (byte)'s' => 1,
            (byte)'m' => 60,
            (byte)'h' => 3600,
            (byte)'d' => 86_400,
            (byte)'w' => 604_800,
            (byte)'M' => 2_592_000,
            _ => 0,
        };
        seconds = count * unit;
        return seconds > 0;
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
    private readonly struct MemberReader(BinanceParser parser) : IJsonMemberReader<BinanceMessage>
    {
        public ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref BinanceMessage fields) => parser.ReadField(name, ref reader, ref fields);
    }
}
