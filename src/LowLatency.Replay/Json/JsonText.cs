using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LowLatency.Replay.Json;

/// <summary>Small JSON helpers for answers (acks, REST bodies): rare paths, so clarity beats allocation.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON document with <paramref name="write"/> and returns its UTF-8 bytes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a JSON document with <paramref name="write"/> and returns it as a string.</summary>
    public static string WriteString(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Write(write));

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The text of a number or string value of <paramref name="name"/> (a number keeps its wire spelling), or null.</summary>
    public static string? NumberText(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>An integer value of <paramref name="name"/> written as a number or a numeric string, or null.</summary>
    public static long? Int64(this JsonElement element, string name)
    {
        var text = element.NumberText(name);
        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The property <paramref name="name"/>, or an undefined element.</summary>
    public static JsonElement Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>True when the element is an object with property <paramref name="name"/>.</summary>
    public static bool Has(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    /// <summary>Parses a decimal written by an exchange (plain or exponent notation).</summary>
    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);

    /// <summary>Invariant text of a decimal, as exchanges write numbers in strings.</summary>
    public static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a client message as JSON, or returns null when it is not JSON.</summary>
    public static JsonDocument? TryParse(ReadOnlySpan<byte> message)
    {
        try
        {
            var bytes = message.ToArray();
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
