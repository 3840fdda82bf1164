using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>The document walk every exchange parser shares: one JSON value, an object whose members the parser reads, nothing after it.</summary>
internal static class JsonDocumentReader
{
    /// <summary>The depth every parser allows: exchange messages nest a few levels at most, so deeper input is rejected early.</summary>
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    /// <summary>
    /// Reads <paramref name="message"/>: an object's members go to <paramref name="members"/>;
    /// any other well-formed value is walked to its end with <paramref name="isObject"/> false
    /// (the parser calls it unknown). Malformed JSON, including anything after the value, is
    /// <see cref="ParseError.MalformedJson"/>.
    /// </summary>
    public static ParseError Read<TFields, TMembers>(ReadOnlySpan<byte> message, TMembers members, ref TFields fields, out bool isObject)
        where TFields : struct
        where TMembers : struct, IJsonMemberReader<TFields>
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
            var error = ReadMembers(ref reader, members, ref fields);
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

    /// <summary>
    /// Reads the members of the object the reader is on the start of, ending on its end. A member
    /// whose name is escaped is skipped: no exchange escapes the names it sends, so such a member
    /// is none the parser knows.
    /// </summary>
    public static ParseError ReadMembers<TFields, TMembers>(ref Utf8JsonReader reader, TMembers members, ref TFields fields)
        where TFields : struct
        where TMembers : struct, IJsonMemberReader<TFields>
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return ParseError.None;
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            var error = escaped ? JsonValues.SkipValue(ref reader) : members.ReadMember(name, ref reader, ref fields);
            if (error != ParseError.None)
                return error;
        }
        return ParseError.MalformedJson;
    }
}
