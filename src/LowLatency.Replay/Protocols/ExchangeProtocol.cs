using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols;

/// <summary>
/// One exchange's side of the replay: how its recorded messages are keyed, how its WebSocket
/// session answers a client, and what its REST stub serves.
/// </summary>
/// <remarks>One sealed subclass per exchange, registered in <see cref="ExchangeProtocols"/>; immutable and shared.</remarks>
internal abstract class ExchangeProtocol
{
    /// <summary>The exchange name (<c>binance</c>, <c>kraken</c> ...).</summary>
    public abstract string Name { get; }

    /// <summary>Frame variants a message is encoded in (Binance: combined-stream and raw).</summary>
    public virtual int FrameVariants => 1;

    /// <summary>A classifier for one load (classifiers may keep state across messages).</summary>
    public abstract IMessageClassifier CreateClassifier();

    /// <summary>The session for an upgrade request, or null when the path is not one the exchange serves (answered 404).</summary>
    public abstract ExchangeSession? CreateSession(SessionContext context);

    /// <summary>Answers a REST request, or null when the path is unknown (answered 404).</summary>
    public abstract RestAnswer? AnswerRest(RestRequest request, RestContext context);
}
