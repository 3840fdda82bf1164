using System.Runtime.CompilerServices;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// An optimistic byte-level reader for the flat objects Binance streams are made of
/// (<c>depthUpdate</c>, <c>trade</c>, <c>aggTrade</c>, <c>bookTicker</c>, depth snapshots): it
/// fills a <see cref="BinanceMessage"/> and the level buffers exactly as the
/// <c>Utf8JsonReader</c> pass of <see cref="BinanceParser"/> would, or declines.
/// </summary>
/// <remarks>
/// <para>
/// It accepts only a strict subset of JSON whose meaning is certain: one object of members
/// whose names are plain printable ASCII; values that are strings of printable ASCII without
/// escapes, integers in JSON form (no sign, fraction or exponent, at most 18 digits),
/// <c>true</c>, <c>false</c>, <c>null</c>; and, under the level keys, arrays of
/// <c>["digits[.digits]","digits[.digits]"]</c> pairs of at most 19 digits each; JSON
/// whitespace anywhere between tokens. Anything else (escapes, nested objects such as a
/// kline, numbers where text is expected, extra level entries, non-ASCII bytes, truncation)
/// declines, and the general reader then decides the result or the error: it stays the one
/// source of truth for what is wrong with a message.
/// </para>
/// <para>
/// Level numbers, prices and quantities are turned into digits while being walked
/// (<see cref="ScannedNumber"/>), so the parser does not read their text a second time. Their
/// text positions are still recorded for the rare number that does not fit the instrument's
/// scale, and a price or quantity string that is not plain digits is left to the text parser.
/// </para>
/// </remarks>
internal sealed class BinanceScanner
{
    private const int MaxIntegerDigits = 18;

    private readonly LevelTextBuffer _levels;
    private ScannedLevel[] _scanned;

    /// <summary>Creates a scanner that records level text positions into <paramref name="levels"/>, with room for <paramref name="capacity"/> levels.</summary>
    public BinanceScanner(LevelTextBuffer levels, int capacity = LevelTextBuffer.DefaultCapacity)
    {
        _levels = levels;
        _scanned = new ScannedLevel[capacity];
    }

    /// <summary>The digits of level <paramref name="index"/> of the last accepted message (index-aligned with the level text buffer).</summary>
    public ref readonly ScannedLevel this[int index] => ref _scanned[index];

    /// <summary>
    /// Reads <paramref name="json"/> into <paramref name="fields"/> and the level buffers; false
    /// when the message is outside the accepted subset (the buffers and fields then hold partial
    /// results and must be reset by the caller).
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> json, ref BinanceMessage fields)
    {
        var i = SkipWhitespace(json, 0);
        if (!Is(json, i, (byte)'{'))
            return false;
        i = SkipWhitespace(json, i + 1);
        if (Is(json, i, (byte)'}'))
            return SkipWhitespace(json, i + 1) == json.Length;
        while (true)
        {
            if (!TryReadText(json, ref i, out var name))
                return false;
            i = SkipWhitespace(json, i);
            if (!Is(json, i, (byte)':'))
                return false;
            i = SkipWhitespace(json, i + 1);
            if ((uint)i >= (uint)json.Length || !TryReadMember(json, ref i, name.Of(json), ref fields))
                return false;
            i = SkipWhitespace(json, i);
            if ((uint)i >= (uint)json.Length)
                return false;
            if (json[i] == (byte)'}')
                break;
            if (json[i] != (byte)',')
                return false;
            i = SkipWhitespace(json, i + 1);
        }
        fields.LevelsScanned = true;
        return SkipWhitespace(json, i + 1) == json.Length;
    }

    // The dispatch mirrors BinanceParser.ReadField/ReadShortField: the same keys land in the
    // same fields, duplicates overwrite (levels append), and a value of a type the general
    // reader would reject or nest into declines instead.
    private bool TryReadMember(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> name, ref BinanceMessage fields)
    {
        var token = json[i];
        if (name.Length == 1)
        {
            switch (name[0])
            {
                case (byte)'e':
                    return TryReadText(json, ref i, out fields.EventType);
                case (byte)'s':
                    return TryReadText(json, ref i, out fields.Symbol);
                case (byte)'E':
                    return TryReadInteger(json, ref i, out fields.EventTimeMs);
                case (byte)'T':
                    return TryReadInteger(json, ref i, out fields.TransactionTimeMs);
                case (byte)'U':
                    fields.HasFirstUpdateId = true;
                    return TryReadInteger(json, ref i, out fields.FirstUpdateId);
                case (byte)'u':
                    fields.HasLastUpdateId = true;
                    return TryReadInteger(json, ref i, out fields.LastUpdateId);
                case (byte)'t':
                    fields.HasTradeId = true;
                    return TryReadInteger(json, ref i, out fields.TradeId);
                case (byte)'b':
                    return token == (byte)'[' ? TryReadLevels(json, ref i, Side.Buy) : TryReadNumberText(json, ref i, out fields.BidPrice, out fields.ScannedBidPrice);
                case (byte)'a':
                    if (token == (byte)'[')
                        return TryReadLevels(json, ref i, Side.Sell);
                    if (token != (byte)'"')
                    {
                        fields.HasAggregateTradeId = true;
                        return TryReadInteger(json, ref i, out fields.AggregateTradeId);
                    }
                    return TryReadNumberText(json, ref i, out fields.AskPrice, out fields.ScannedAskPrice);
                case (byte)'B':
                    return TryReadNumberText(json, ref i, out fields.BidQuantity, out fields.ScannedBidQuantity);
                case (byte)'A':
                    return TryReadNumberText(json, ref i, out fields.AskQuantity, out fields.ScannedAskQuantity);
                case (byte)'p':
                    return TryReadNumberText(json, ref i, out fields.Price, out fields.ScannedPrice);
                case (byte)'q':
                    return TryReadNumberText(json, ref i, out fields.Quantity, out fields.ScannedQuantity);
                case (byte)'m':
                    return TryReadBoolean(json, ref i, out fields.BuyerIsMaker);
                case (byte)'k':
                    return false;
                default:
                    return TrySkipScalar(json, ref i);
            }
        }
        if (name.SequenceEqual("pu"u8))
            return TryReadInteger(json, ref i, out fields.PreviousUpdateId);
        if (name.SequenceEqual("bids"u8))
            return token == (byte)'[' && TryReadLevels(json, ref i, Side.Buy);
        if (name.SequenceEqual("asks"u8))
            return token == (byte)'[' && TryReadLevels(json, ref i, Side.Sell);
        if (name.SequenceEqual("lastUpdateId"u8))
        {
            fields.HasSnapshot = true;
            return TryReadInteger(json, ref i, out fields.SnapshotUpdateId);
        }
        if (name.SequenceEqual("symbol"u8))
            return TryReadText(json, ref i, out fields.Symbol);
        if (name.SequenceEqual("data"u8))
            return false;
        if (name.SequenceEqual("result"u8))
            fields.IsResponse = true;
        return TrySkipScalar(json, ref i);
    }

    /// <summary>Reads <c>[["p","q"],...]</c> from the opening bracket at <paramref name="i"/>.</summary>
    private bool TryReadLevels(ReadOnlySpan<byte> json, ref int i, Side side)
    {
        var at = SkipWhitespace(json, i + 1);
        if (Is(json, at, (byte)']'))
        {
            i = at + 1;
            return true;
        }
        while (true)
        {
            if (!Is(json, at, (byte)'['))
                return false;
            at = SkipWhitespace(json, at + 1);
            if (!TryReadDecimal(json, ref at, out var priceText, out var price))
                return false;
            at = SkipWhitespace(json, at);
            if (!Is(json, at, (byte)','))
                return false;
            at = SkipWhitespace(json, at + 1);
            if (!TryReadDecimal(json, ref at, out var quantityText, out var quantity))
                return false;
            at = SkipWhitespace(json, at);
            if (!Is(json, at, (byte)']'))
                return false;
            Add(side, priceText, price, quantityText, quantity);
            at = SkipWhitespace(json, at + 1);
            if ((uint)at >= (uint)json.Length)
                return false;
            if (json[at] == (byte)']')
            {
                i = at + 1;
                return true;
            }
            if (json[at] != (byte)',')
                return false;
            at = SkipWhitespace(json, at + 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(Side side, TextSpan priceText, ScannedNumber price, TextSpan quantityText, ScannedNumber quantity)
    {
        var index = _levels.Count;
        if (index == _scanned.Length)
            Grow();
        ref var level = ref _scanned[index];
        level.Price = price;
        level.Quantity = quantity;
        _levels.Add(side, priceText, quantityText);
    }

    /// <summary>Reads a string, as digits when it is a plain decimal, else as text only.</summary>
    private static bool TryReadNumberText(ReadOnlySpan<byte> json, ref int i, out TextSpan text, out ScannedNumber number)
    {
        if (TryReadDecimal(json, ref i, out text, out number))
            return true;
        number = default;
        return TryReadText(json, ref i, out text);
    }

    /// <summary>Reads a quoted <c>digits[.digits]</c> of at most <see cref="ScannedNumber.MaxDigits"/> digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadDecimal(ReadOnlySpan<byte> json, ref int i, out TextSpan text, out ScannedNumber number)
    {
        text = default;
        number = default;
        ulong digits = 0;
        if (!Is(json, i, (byte)'"'))
            return false;
        var start = i + 1;
        var at = ReadDigits(json, start, ref digits);
        var integerDigits = at - start;
        var fractionDigits = 0;
        if (Is(json, at, (byte)'.'))
        {
            var fractionStart = at + 1;
            at = ReadDigits(json, fractionStart, ref digits);
            fractionDigits = at - fractionStart;
            if (fractionDigits == 0)
                return false;
        }
        if (integerDigits == 0 || integerDigits + fractionDigits > ScannedNumber.MaxDigits || !Is(json, at, (byte)'"'))
            return false;
        number = new ScannedNumber(digits, fractionDigits);
        text = new TextSpan(start, at - start);
        i = at + 1;
        return true;
    }

    /// <summary>Appends the digits from <paramref name="at"/> to <paramref name="digits"/>; returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadDigits(ReadOnlySpan<byte> json, int at, ref ulong digits)
    {
        var value = digits;
        while ((uint)at < (uint)json.Length)
        {
            var digit = (uint)(json[at] - '0');
            if (digit > 9)
                break;
            // Wraps past 19 digits, but such a number is declined.
            value = value * 10 + digit;
            at++;
        }
        digits = value;
        return at;
    }

    /// <summary>Reads a string without escapes whose bytes are printable ASCII.</summary>
    private static bool TryReadText(ReadOnlySpan<byte> json, ref int i, out TextSpan text)
    {
        text = default;
        if (!Is(json, i, (byte)'"'))
            return false;
        var start = i + 1;
        var at = start;
        while (true)
        {
            if ((uint)at >= (uint)json.Length)
                return false;
            var b = json[at];
            if (b == (byte)'"')
                break;
            // Control bytes are invalid JSON; escapes and non-ASCII bytes would need the reader's rules.
            if (b < 0x20 || b > 0x7E || b == (byte)'\\')
                return false;
            at++;
        }
        text = new TextSpan(start, at - start);
        i = at + 1;
        return true;
    }

    /// <summary>Reads an unsigned JSON integer (no leading zero) of at most 18 digits, so it cannot overflow.</summary>
    private static bool TryReadInteger(ReadOnlySpan<byte> json, ref int i, out long value)
    {
        ulong digits = 0;
        var at = ReadDigits(json, i, ref digits);
        var count = at - i;
        value = (long)digits;
        if (count == 0 || count > MaxIntegerDigits || (count > 1 && json[i] == (byte)'0'))
            return false;
        // A fraction or exponent after the digits is caught by the caller: only whitespace, ',' or '}' may follow.
        i = at;
        return true;
    }

    private static bool TryReadBoolean(ReadOnlySpan<byte> json, ref int i, out bool value)
    {
        value = json[i..].StartsWith("true"u8);
        if (value)
        {
            i += 4;
            return true;
        }
        if (json[i..].StartsWith("false"u8))
        {
            i += 5;
            return true;
        }
        return false;
    }

    private static bool TrySkipScalar(ReadOnlySpan<byte> json, ref int i)
    {
        switch (json[i])
        {
            case (byte)'"':
                return TryReadText(json, ref i, out _);
            case (byte)'t':
            case (byte)'f':
                return TryReadBoolean(json, ref i, out _);
            case (byte)'n':
                if (!json[i..].StartsWith("null"u8))
                    return false;
                i += 4;
                return true;
            default:
                return TryReadInteger(json, ref i, out _);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(ReadOnlySpan<byte> json, int i, byte expected) => (uint)i < (uint)json.Length && json[i] == expected;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while ((uint)i < (uint)json.Length)
        {
            var b = json[i];
            if (b > (byte)' ' || (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r'))
                return i;
            i++;
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _scanned, _scanned.Length * 2);
}
