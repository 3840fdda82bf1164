using System.Globalization;
using System.Text.Json;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>Reading REST answers into fixed point (cold path: through <see cref="decimal"/>, rounding to the instrument's scale).</summary>
internal static class RestJson
{
    /// <summary>A decimal number written as a JSON string or number, in fixed point at <paramref name="scale"/>.</summary>
    /// <exception cref="FormatException">The element is neither.</exception>
    public static long FixedPoint(JsonElement element, int scale)
    {
        decimal value = element.ValueKind switch
        {
            JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Number => element.GetDecimal(),
            _ => throw new FormatException($"Received {element.ValueKind} '{element.GetRawText()}'; expected a decimal number or numeric string."),
        };
        return (long)Math.Round(value * Pow10(scale), MidpointRounding.ToEven);
    }

    /// <summary>An integer written as a JSON number or numeric string.</summary>
    /// <exception cref="FormatException">The element is neither.</exception>
    public static long Int64(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"Received {element.ValueKind} '{element.GetRawText()}'; expected an integer."),
    };

    /// <summary>The property <paramref name="name"/> of an object.</summary>
    /// <exception cref="FormatException">It is missing.</exception>
    public static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"Received {Shorten(element.GetRawText())}; expected an object with '{name}'.");

    /// <summary>Element <paramref name="index"/> of an array.</summary>
    /// <exception cref="FormatException">It is not an array that long.</exception>
    public static JsonElement At(JsonElement array, int index) =>
        array.ValueKind == JsonValueKind.Array && index < array.GetArrayLength()
            ? array[index]
            : throw new FormatException($"Received {Shorten(array.GetRawText())}; expected an array of at least {index + 1} elements.");

    /// <summary>The text of a string, or the spelling of any other value.</summary>
    public static string Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText();

    /// <summary>Parses a body into a document.</summary>
    /// <exception cref="FormatException">It is not JSON.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Received a REST body that is not JSON ({ex.Message}).", ex);
        }
    }

    /// <summary>The first 200 characters of a text, for error messages.</summary>
    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static decimal Pow10(int scale)
    {
        decimal result = 1m;
        for (int i = 0; i < scale; i++)
            result *= 10m;
        return result;
    }
}
