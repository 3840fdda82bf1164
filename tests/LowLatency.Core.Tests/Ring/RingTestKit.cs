using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Shared helpers: rings with test-friendly waits, and producers that publish payload = sequence.</summary>
public static class RingTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static RingBuffer<RingTestEvent> Ring(int capacity, ProducerType producers = ProducerType.Single,
        WaitStrategyKind wait = WaitStrategyKind.Hybrid, FullRingPolicy policy = FullRingPolicy.Block, IGapMarker<RingTestEvent>? marker = null) =>
        new(new RingBufferOptions<RingTestEvent>
        {
            Capacity = capacity,
            Name = "test",
            ProducerType = producers,
            WaitStrategy = WaitStrategies.Create(wait),
            FullRingPolicy = policy,
            GapMarker = marker,
        });

    /// <summary>Publishes <paramref name="count"/> events one claim at a time.</summary>
    public static void PublishSingly(RingBuffer<RingTestEvent> ring, long count)
    {
        for (long i = 0; i < count; i++)
        {
            long sequence = ring.Next();
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }
    }

    /// <summary>Publishes <paramref name="count"/> events in claims of up to <paramref name="batch"/>.</summary>
    public static void PublishInBatches(RingBuffer<RingTestEvent> ring, long count, int batch)
    {
        long remaining = count;
        while (remaining > 0)
        {
            int n = (int)Math.Min(batch, remaining);
            long high = ring.Next(n);
            long low = high - n + 1;
            for (long sequence = low; sequence <= high; sequence++)
                ring[sequence].Value = sequence;
            ring.Publish(low, high);
            remaining -= n;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false after <see cref="Patience"/>.</summary>
    public static bool Eventually(Func<bool> condition) => SpinWait.SpinUntil(condition, Patience);
}
