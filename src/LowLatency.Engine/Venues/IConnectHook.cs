namespace LowLatency.Engine.Venues;

/// <summary>
/// Prepares every connection attempt of a venue, first connect and reconnects alike: exchanges
/// that hand out a token and a ping interval per connection (KuCoin's bullet) fetch them here.
/// </summary>
internal interface IConnectHook
{
    /// <summary>The URL and keep-alive of the next attempt.</summary>
    ValueTask<ConnectPlan> PrepareAsync(CancellationToken cancellationToken);
}
