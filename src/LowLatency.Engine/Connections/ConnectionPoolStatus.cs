namespace LowLatency.Engine.Connections;

/// <summary>The connection pool: its connections and the strategies using them.</summary>
/// <param name="Connections">Open (or reconnecting) connections, by key.</param>
/// <param name="Strategies">Strategy sessions, by name.</param>
public sealed record ConnectionPoolStatus(IReadOnlyList<ConnectionStatus> Connections, IReadOnlyList<StrategyStatus> Strategies);
