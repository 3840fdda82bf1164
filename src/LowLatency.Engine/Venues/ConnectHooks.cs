using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Venues;

/// <summary>Chooses the connect hook of a venue.</summary>
internal static class ConnectHooks
{
    /// <summary>
    /// KuCoin's bullet token hook for KuCoin venues (their endpoint and ping interval come with the
    /// token); for every other venue its fixed endpoint and keep-alive policy.
    /// </summary>
    public static IConnectHook For(ExchangeVenue venue) => venue.Definition.Exchange == "kucoin"
        ? new KuCoinBulletHook(venue.Rest)
        : new PolicyConnectHook(venue.WebSocketUri(new SubscriptionRequest([], MarketChannels.None)), venue.Definition.KeepAlive);
}
