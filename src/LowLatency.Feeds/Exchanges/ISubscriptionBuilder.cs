namespace LowLatency.Feeds.Exchanges;

/// <summary>Builds the connect URL and the subscribe/unsubscribe messages of one venue (cold path).</summary>
public interface ISubscriptionBuilder
{
    /// <summary>URL to connect to for <paramref name="request"/> (some venues put streams in the URL).</summary>
    Uri BuildConnectUri(SubscriptionRequest request);

    /// <summary>Text messages to send after connecting (may be empty when the URL subscribes).</summary>
    IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request);

    /// <summary>Text messages that undo <see cref="BuildSubscribeMessages"/>.</summary>
    IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request);
}
