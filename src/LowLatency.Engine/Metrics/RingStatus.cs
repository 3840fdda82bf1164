using LowLatency.Core.Ring;

namespace LowLatency.Engine.Metrics;

/// <summary>The market-data ring now.</summary>
/// <param name="Capacity">Slots.</param>
/// <param name="Occupancy">Published events the slowest consumer has not finished yet.</param>
/// <param name="Overruns">Events dropped on a full ring (<see cref="FullRingPolicy.DropAndFlagGap"/>).</param>
/// <param name="Policy">What producers do on a full ring.</param>
public sealed record RingStatus(int Capacity, long Occupancy, long Overruns, FullRingPolicy Policy);
