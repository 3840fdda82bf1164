using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Bybit;

/// <summary>Bybit v5 public streams and the REST calls its adapter and the REST fallback make.</summary>
internal sealed class BybitProtocol : ExchangeProtocol
{
    public override string Name => "bybit";

    public override IMessageClassifier CreateClassifier() => new BybitClassifier();

    public override ExchangeSession? CreateSession(SessionContext context) => new BybitSession(context);

    public override RestAnswer? AnswerRest(RestRequest request, RestContext context) => BybitRest.Answer(request, context);
}
