namespace LowLatency.Core.Ring;

/// <summary>What a producer does when the ring is full, chosen per ring.</summary>
public enum FullRingPolicy
{
    /// <summary>
    /// The producer waits for the slowest terminal consumer: back-pressure up to the socket.
    /// Nothing is ever lost, at the price of stalling the reader of the feed.
    /// </summary>
    Block,

    /// <summary>
    /// The producer never waits: a claim on a full ring is dropped and counted
    /// (<see cref="RingBuffer{T}.OverrunCount"/>), and the next event that is published carries
    /// the number of events lost just before it (<see cref="RingBuffer{T}.LostBefore"/>, and
    /// <see cref="IGapMarker{T}"/> when the ring has one) so consumers know data was lost.
    /// </summary>
    DropAndFlagGap,
}
