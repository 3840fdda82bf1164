using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Properties of the sequencers over random claim sizes and publication orders.</summary>
public sealed class SequencerPropertyTests
{
    [Fact]
    public void Multi_producer_highest_published_is_the_longest_published_prefix()
    {
        var scenario =
            from size in Gen.Choose(1, 64)
            from order in Gen.Shuffle(Enumerable.Range(0, size).ToArray())
            from published in Gen.Choose(0, size)
            select (size, order, published);

        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var ring = new RingBuffer<RingTestEvent>(new RingBufferOptions<RingTestEvent> { Capacity = 64, ProducerType = ProducerType.Multi });
            long high = ring.Next(s.size);
            var done = new bool[s.size];
            foreach (int index in s.order.Take(s.published))
            {
                ring.Publish(index);
                done[index] = true;
            }
            int prefix = Array.IndexOf(done, false) is var firstMissing and >= 0 ? firstMissing : s.size;
            return ring.Sequencer.GetHighestPublishedSequence(0, high) == prefix - 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Batch_claims_are_contiguous_and_never_exceed_the_free_space()
    {
        var claims = Gen.ListOf(Gen.Choose(1, 16)).Select(l => l.ToArray());

        Prop.ForAll(claims.ToArbitrary(), sizes =>
        {
            foreach (var type in new[] { ProducerType.Single, ProducerType.Multi })
            {
                var ring = new RingBuffer<RingTestEvent>(new RingBufferOptions<RingTestEvent> { Capacity = 16, ProducerType = type });
                var consumer = new Sequence();
                ring.Sequencer.AddGatingSequences(consumer);
                long expectedHigh = -1;
                foreach (int n in sizes)
                {
                    long free = 16 - (expectedHigh - consumer.Value);
                    bool claimed = ring.TryNext(n, out long high);
                    if (claimed != (n <= free))
                        return false;
                    if (!claimed)
                    {
                        consumer.SetValue(expectedHigh);
                        continue;
                    }
                    if (high != expectedHigh + n)
                        return false;
                    ring.Publish(high - n + 1, high);
                    expectedHigh = high;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
