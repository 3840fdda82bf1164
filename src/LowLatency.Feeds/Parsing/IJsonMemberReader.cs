using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>A parser's reader of one member of a message object into its fields.</summary>
/// <typeparam name="TFields">The parser's per-message field struct.</typeparam>
/// <remarks>Implemented by small structs, so <see cref="JsonDocumentReader"/> is specialised per parser with no virtual call.</remarks>
internal interface IJsonMemberReader<TFields>
    where TFields : struct
{
    /// <summary>Reads the value of member <paramref name="name"/> (the reader is on the value and must end on its last token); unknown members are skipped.</summary>
    ParseError ReadMember(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref TFields fields);
}
