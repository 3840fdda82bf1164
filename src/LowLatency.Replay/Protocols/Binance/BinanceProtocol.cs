using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Binance;

/// <summary>Binance spot, USD-M and COIN-M market streams and the REST calls their adapters make.</summary>
internal sealed class BinanceProtocol : ExchangeProtocol
{
    /// <summary>Frame variant of the combined-stream wrapping (<c>/stream</c>).</summary>
    public const int CombinedVariant = 0;

    /// <summary>Frame variant of the raw stream payload (<c>/ws</c>).</summary>
    public const int RawVariant = 1;

    public override string Name => "binance";

    public override int FrameVariants => 2;

    public override IMessageClassifier CreateClassifier() => new BinanceClassifier();

    public override ExchangeSession? CreateSession(SessionContext context) => BinanceSession.TryCreate(context);

    public override RestAnswer? AnswerRest(RestRequest request, RestContext context) => BinanceRest.Answer(request, context);
}
