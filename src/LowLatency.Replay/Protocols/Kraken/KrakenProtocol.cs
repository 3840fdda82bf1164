using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Kraken;

/// <summary>Kraken spot WebSocket v2 (any path, as <c>wss://ws.kraken.com/v2</c>) and the REST calls its adapter makes.</summary>
internal sealed class KrakenProtocol : ExchangeProtocol
{
    public override string Name => "kraken";

    public override IMessageClassifier CreateClassifier() => new KrakenClassifier();

    public override ExchangeSession? CreateSession(SessionContext context) => new KrakenSession(context);

    public override RestAnswer? AnswerRest(RestRequest request, RestContext context) => KrakenRest.Answer(request, context);
}
