using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Okx;

/// <summary>OKX v5 public streams and the REST calls its adapter and the REST fallback make.</summary>
internal sealed class OkxProtocol : ExchangeProtocol
{
    public override string Name => "okx";

    public override IMessageClassifier CreateClassifier() => new OkxClassifier();

    public override ExchangeSession? CreateSession(SessionContext context) => new OkxSession(context);

    public override RestAnswer? AnswerRest(RestRequest request, RestContext context) => OkxRest.Answer(request, context);
}
