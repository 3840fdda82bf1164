namespace LowLatency.Feeds.Model;

/// <summary>Where a parser writes its events: a ring buffer in the engine, a book set or a list in tests.</summary>
/// <remarks>
/// Parsers take the sink as a generic parameter by reference (<c>ref TSink sink</c> with
/// <c>TSink : IMarketEventSink</c>), so a struct sink is called directly and inlined: no
/// interface dispatch and no boxing per event. A parser writes a message's events only after
/// the whole message parsed, so a sink never sees half a message.
/// </remarks>
public interface IMarketEventSink
{
    /// <summary>Accepts one event; the reference is only valid during the call.</summary>
    void OnEvent(in MarketEvent marketEvent);
}
