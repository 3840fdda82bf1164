namespace LowLatency.Engine.Metrics;

/// <summary>A hot thread's allocation counter as it last sampled it.</summary>
/// <param name="Thread">The thread: <c>reader binance_spot</c>, <c>cache</c>, <c>risk</c>, <c>signal</c>.</param>
/// <param name="AllocatedBytes">Bytes it had allocated since it started.</param>
/// <param name="Messages">Messages (reader) or events (consumers) it had handled then.</param>
public sealed record ThreadAllocation(string Thread, long AllocatedBytes, long Messages);
