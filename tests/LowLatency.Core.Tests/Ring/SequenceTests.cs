using System.Runtime.CompilerServices;
using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>The padded sequence: layout and atomic operations.</summary>
public sealed class SequenceTests
{
    [Fact]
    public void Sequence_value_has_128_bytes_of_padding_on_each_side()
    {
        var padded = default(PaddedLong);
        long offset = Unsafe.ByteOffset(ref Unsafe.As<PaddedLong, byte>(ref padded), ref Unsafe.As<long, byte>(ref padded.Value));

        Assert.Equal(128, offset);
        Assert.Equal(128 + 8 + 128, Unsafe.SizeOf<PaddedLong>());
    }

    [Fact]
    public void Producer_state_is_padded_like_a_sequence()
    {
        Assert.Equal(128 + 16 + 128, Unsafe.SizeOf<ProducerFields>());
        Assert.Equal(128 + 16 + 128, Unsafe.SizeOf<LossCounters>());
    }

    [Fact]
    public void New_sequence_starts_before_the_first_event()
    {
        Assert.Equal(-1, new Sequence().Value);
    }

    [Fact]
    public void Compare_and_set_replaces_only_the_expected_value()
    {
        var sequence = new Sequence(5);

        Assert.False(sequence.CompareAndSet(4, 9));
        Assert.True(sequence.CompareAndSet(5, 9));
        Assert.Equal(9, sequence.Value);
    }

    [Fact]
    public void Concurrent_increments_are_never_lost()
    {
        var sequence = new Sequence(0);
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 100_000; i++)
                sequence.IncrementAndGet();
        });

        Assert.Equal(400_000, sequence.Value);
        Assert.Equal(400_010, sequence.AddAndGet(10));
    }
}
