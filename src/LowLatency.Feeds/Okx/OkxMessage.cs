using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Okx;

/// <summary>
/// What one pass over an OKX message found: the envelope (<c>arg</c>, <c>action</c>,
/// <c>event</c>) as text positions; the <c>data</c> elements go to a <see cref="RecordBuffer{T}"/>
/// and book levels to a <see cref="LevelTextBuffer"/>.
/// </summary>
internal struct OkxMessage
{
    public TextSpan Channel;
    public TextSpan InstrumentId;
    public TextSpan Action;
    public TextSpan Event;

    public static OkxMessage Empty => new()
    {
        Channel = TextSpan.Missing,
        InstrumentId = TextSpan.Missing,
        Action = TextSpan.Missing,
        Event = TextSpan.Missing,
    };
}
