using LowLatency.WebSockets.KeepAlive;

namespace LowLatency.Engine.Venues;

/// <summary>Where and how one connection attempt connects: the URL (with any token) and its keep-alive.</summary>
/// <param name="Uri">The ws:// or wss:// URL.</param>
/// <param name="KeepAlive">Pings and the silence watchdog for this connection.</param>
internal sealed record ConnectPlan(Uri Uri, KeepAliveOptions KeepAlive);
