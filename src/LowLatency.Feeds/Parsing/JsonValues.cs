using System.Runtime.CompilerServices;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Parsing;

/// <summary>Small readers shared by the exchange parsers (all allocation-free).</summary>
public static class JsonValues
{
    /// <summary>Reads an integer given as a JSON number or a numeric string (<c>"1597026383085"</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.TryGetInt64(out value);
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
            return FixedPointParser.TryParse(reader.ValueSpan, 0, out value) == NumberParseStatus.Ok;
        value = 0;
        return false;
    }

    /// <summary><see cref="TryReadInt64"/> as a parse outcome: <see cref="ParseError.UnexpectedValue"/> when it is not an integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError ReadInt64(ref Utf8JsonReader reader, out long value) =>
        TryReadInt64(ref reader, out value) ? ParseError.None : ParseError.UnexpectedValue;

    /// <summary>Captures a string value's position in the message, or <see cref="ParseError.UnexpectedValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError ReadText(ref Utf8JsonReader reader, out TextSpan value) =>
        TextSpan.TryCapture(ref reader, out value) ? ParseError.None : ParseError.UnexpectedValue;

    /// <summary>Skips the value the reader is on (an unknown field), never an error.</summary>
    public static ParseError SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return ParseError.None;
    }

    /// <summary>Reads a JSON boolean.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>
    /// Reads an array of <c>[price, quantity, ...]</c> arrays (strings or numbers) into
    /// <paramref name="levels"/>; the reader is on the outer array's start and ends on its end.
    /// </summary>
    public static ParseError ReadPairLevels(ref Utf8JsonReader reader, Side side, LevelTextBuffer levels)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return ParseError.UnexpectedValue;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return ParseError.None;
            if (reader.TokenType != JsonTokenType.StartArray)
                return ParseError.UnexpectedValue;
            reader.Read();
            if (!TextSpan.TryCapture(ref reader, out var price))
                return ParseError.UnexpectedValue;
            reader.Read();
            if (!TextSpan.TryCapture(ref reader, out var quantity))
                return ParseError.UnexpectedValue;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                reader.Skip();
            levels.Add(side, price, quantity);
        }
        return ParseError.MalformedJson;
    }

    /// <summary>Converts the price text at <paramref name="text"/> with the instrument's price scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError TryPrice(ReadOnlySpan<byte> message, TextSpan text, Instrument instrument, out long value, out byte fractionDigits) =>
        TryFixedPoint(message, text, instrument.PriceScale, out value, out fractionDigits);

    /// <summary>Converts the quantity text at <paramref name="text"/> with the instrument's quantity scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError TryQuantity(ReadOnlySpan<byte> message, TextSpan text, Instrument instrument, out long value, out byte fractionDigits) =>
        TryFixedPoint(message, text, instrument.QuantityScale, out value, out fractionDigits);

    /// <summary>Converts the number text at <paramref name="text"/> at <paramref name="scale"/>; a missing value is <see cref="ParseError.MissingField"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError TryFixedPoint(ReadOnlySpan<byte> message, TextSpan text, int scale, out long value, out byte fractionDigits)
    {
        if (!text.IsPresent)
        {
            value = 0;
            fractionDigits = 0;
            return ParseError.MissingField;
        }
        var status = FixedPointParser.TryParse(text.Of(message), scale, out value, out var digits);
        fractionDigits = (byte)Math.Min(digits, byte.MaxValue);
        return NumberErrors.ToParseError(status);
    }
}
