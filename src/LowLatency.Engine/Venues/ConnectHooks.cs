using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Venues;

/// <summary>Chooses the connect hook of a venue.</summary>
internal static class ConnectHooks
{
    /// <summary>The hook for <paramref name="venue"/>: its fixed endpoint and keep-alive policy.</summary>
    public static IConnectHook For(ExchangeVenue venue) =>
        new PolicyConnectHook(venue.WebSocketUri(new SubscriptionRequest([], MarketChannels.None)), venue.Definition.KeepAlive);
}
