namespace LowLatency.Feeds.Parsing;

/// <summary>Why a message was rejected. A rejected message writes no event and changes no state.</summary>
public enum ParseError : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The text is not valid JSON (or is truncated).</summary>
    MalformedJson,

    /// <summary>The symbol is not registered and the parser does not register unknown symbols.</summary>
    UnknownSymbol,

    /// <summary>A number field is not a decimal number.</summary>
    InvalidNumber,

    /// <summary>A number has more significant fraction digits than the instrument's scale; it is never rounded.</summary>
    NumberTooPrecise,

    /// <summary>A number does not fit a 64-bit fixed-point value at the instrument's scale.</summary>
    NumberOverflow,

    /// <summary>A field the message kind requires is missing.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type or an unexpected value (e.g. a level that is not a pair).</summary>
    UnexpectedValue,
}
