using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>The document walk every exchange parser shares: one JSON value, an object read by the parser, nothing after it.</summary>
internal static class JsonDocumentReader
{
    /// <summary>The depth every parser allows: exchange messages nest a few levels at most, so deeper input is rejected early.</summary>
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    /// <summary>
    /// Reads <paramref name="message"/>: an object's members go to <paramref name="objectReader"/>;
    /// any other well-formed value is walked to its end with <paramref name="isObject"/> false
    /// (the parser calls it unknown). Malformed JSON, including anything after the value, is
    /// <see cref="ParseError.MalformedJson"/>.
    /// </summary>
    public static ParseError Read<TFields, TObjectReader>(ReadOnlySpan<byte> message, TObjectReader objectReader, ref TFields fields, out bool isObject)
        where TFields : struct
        where TObjectReader : struct, IJsonObjectReader<TFields>
    {
        isObject = false;
        try
        {
            var reader = new Utf8JsonReader(message, Options);
            if (!reader.Read())
                return ParseError.MalformedJson;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                while (reader.Read())
                {
                }
                return ParseError.None;
            }
            isObject = true;
            var error = objectReader.ReadObject(ref reader, ref fields);
            if (error != ParseError.None)
                return error;
            // A further read finds trailing garbage (it throws) or the end.
            reader.Read();
            return ParseError.None;
        }
        catch (JsonException)
        {
            return ParseError.MalformedJson;
        }
    }
}
