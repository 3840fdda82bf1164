using System.Text.Json;

namespace LowLatency.Replay.Json;

/// <summary>Finds values inside JSON text by byte offsets, so recorded text is cut, never re-serialized.</summary>
internal static class JsonSlices
{
    /// <summary>Offsets of the value of top-level property <paramref name="name"/> of an object.</summary>
    public static bool TryFindTopLevelValue(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, out int start, out int end)
    {
        start = end = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                if (match)
                {
                    start = valueStart;
                    end = (int)reader.BytesConsumed;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return false;
    }

    /// <summary>
    /// Copies a top-level object, keeping at most <paramref name="limit"/> elements of the arrays named
    /// <paramref name="arrays"/> (a depth snapshot cut to the requested levels); everything else stays byte for byte.
    /// </summary>
    public static byte[] TruncateArrays(ReadOnlySpan<byte> json, IReadOnlyCollection<string> arrays, int limit)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return json.ToArray();
        var output = new List<byte>(json.Length);
        var copied = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var cut = arrays.Contains(reader.GetString()!);
            reader.Read();
            if (!cut || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            var elements = 0;
            var keepUntil = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
                elements++;
                if (elements == limit)
                    keepUntil = (int)reader.BytesConsumed;
            }
            var arrayEnd = (int)reader.BytesConsumed - 1;
            if (keepUntil >= 0 && keepUntil < arrayEnd)
            {
                output.AddRange(json[copied..keepUntil]);
                copied = arrayEnd;
            }
        }
        output.AddRange(json[copied..]);
        return [.. output];
    }
}
