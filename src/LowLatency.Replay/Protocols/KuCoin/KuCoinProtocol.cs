using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>KuCoin public streams (spot and futures topics) and the REST calls its adapter makes, the bullet token first.</summary>
internal sealed class KuCoinProtocol : ExchangeProtocol
{
    public override string Name => "kucoin";

    public override IMessageClassifier CreateClassifier() => new KuCoinClassifier();

    public override ExchangeSession? CreateSession(SessionContext context) => new KuCoinSession(context);

    public override RestAnswer? AnswerRest(RestRequest request, RestContext context) => KuCoinRest.Answer(request, context);
}
