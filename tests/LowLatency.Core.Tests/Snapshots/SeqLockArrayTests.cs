using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

public sealed class SeqLockArrayTests
{
    [Fact]
    public void Writing_one_slot_leaves_the_others_untouched()
    {
        var array = new SeqLockArray<ChecksummedPayload>(3);
        array.Write(0, ChecksummedPayload.For(10));

        array.Write(1, ChecksummedPayload.For(11));

        Assert.Equal(10, array.Read(0).Counter);
        Assert.Equal(11, array.Read(1).Counter);
        Assert.Equal(2, array.GetVersion(0));
        Assert.Equal(2, array.GetVersion(1));
        array.Read(2, out long neverWritten);
        Assert.Equal(0, neverWritten);
        Assert.Equal(2, array.ReadInto(1, out ChecksummedPayload copied));
        Assert.Equal(11, copied.Counter);
    }

    [Fact]
    public void An_open_write_on_one_slot_does_not_block_readers_of_another()
    {
        var array = new SeqLockArray<ChecksummedPayload>(2);
        array.Write(1, ChecksummedPayload.For(5));
        using var scope = array.BeginWrite(0);

        Assert.False(array.TryRead(0, out _));
        Assert.True(array.TryRead(1, out ChecksummedPayload other));
        Assert.Equal(5, other.Counter);
    }

    [Fact]
    public void Slots_occupy_whole_128_byte_regions()
    {
        var small = new SeqLockArray<long>(4);
        var large = new SeqLockArray<ChecksummedPayload>(4);

        Assert.Equal(128, small.SlotBytes);
        Assert.Equal(256, large.SlotBytes);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void An_index_outside_the_array_is_rejected_with_the_valid_range(int index)
    {
        var array = new SeqLockArray<long>(3);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => array.Read(index));

        Assert.Contains("expected 0 to 2", ex.Message);
    }

    [Fact]
    public void An_array_needs_at_least_one_slot()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeqLockArray<long>(0));
    }
}
