using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>A parser's reader of the members of a message's top-level object into its fields.</summary>
/// <typeparam name="TFields">The parser's per-message field struct.</typeparam>
/// <remarks>Implemented by small structs, so <see cref="JsonDocumentReader.Read{TFields, TObjectReader}"/> is specialised per parser with no virtual call.</remarks>
internal interface IJsonObjectReader<TFields>
    where TFields : struct
{
    /// <summary>Reads the object's members; the reader is on its start and must end on its end.</summary>
    ParseError ReadObject(ref Utf8JsonReader reader, ref TFields fields);
}
