namespace LowLatency.Engine.Metrics;

/// <summary>What one thread had allocated after how many messages (or events).</summary>
/// <param name="AllocatedBytes"><see cref="GC.GetAllocatedBytesForCurrentThread"/> as sampled on the thread itself.</param>
/// <param name="Messages">Messages (reader threads) or events (consumer threads) the thread had handled then.</param>
public readonly record struct AllocationSample(long AllocatedBytes, long Messages);
