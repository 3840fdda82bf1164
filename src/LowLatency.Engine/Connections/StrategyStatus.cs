namespace LowLatency.Engine.Connections;

/// <summary>One strategy session as <see cref="MarketDataEngine.GetConnectionStatus"/> reports it.</summary>
/// <param name="Name">The session's name.</param>
/// <param name="Topics">Its subscriptions, e.g. <c>binance_spot BTCUSDT Book</c>.</param>
/// <param name="EventsDelivered">Events delivered to its callbacks.</param>
/// <param name="Failures">Exceptions its callbacks threw.</param>
public sealed record StrategyStatus(string Name, IReadOnlyList<string> Topics, long EventsDelivered, long Failures);
