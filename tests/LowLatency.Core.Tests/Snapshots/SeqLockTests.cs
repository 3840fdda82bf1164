using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

public sealed class SeqLockTests
{
    [Fact]
    public void Read_before_any_write_returns_default_at_version_zero()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();

        ChecksummedPayload value = seqLock.Read(out long version);

        Assert.Equal(0, version);
        Assert.Equal(0, value.Counter);
    }

    [Fact]
    public void Read_returns_the_last_written_value_and_each_write_adds_two_to_the_version()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(7));
        seqLock.Write(ChecksummedPayload.For(8));

        ChecksummedPayload value = seqLock.Read(out long version);

        Assert.Equal(4, version);
        Assert.Equal(8, value.Counter);
        Assert.True(value.IsConsistent());
        Assert.Equal(8, seqLock.Read().Counter);
    }

    [Fact]
    public void ReadInto_copies_the_last_written_value_into_the_destination_and_returns_its_version()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(7));

        long version = seqLock.ReadInto(out ChecksummedPayload value);

        Assert.Equal(2, version);
        Assert.Equal(7, value.Counter);
        Assert.True(value.IsConsistent());
    }

    [Fact]
    public void Write_scope_publishes_in_place_changes_when_disposed()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();

        using (var scope = seqLock.BeginWrite())
            scope.Value.Fill(42);

        Assert.Equal(2, seqLock.Version);
        Assert.True(seqLock.TryRead(out ChecksummedPayload value));
        Assert.Equal(42, value.Counter);
    }

    [Fact]
    public void TryRead_while_a_write_is_open_fails_and_hands_back_default_not_the_partial_value()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        var scope = seqLock.BeginWrite();
        scope.Value.Fields[0] = 99;

        bool read = seqLock.TryRead(out ChecksummedPayload value);

        Assert.False(read);
        Assert.True(((ReadOnlySpan<long>)value.Fields).IndexOfAnyExcept(0L) < 0, "the partial value leaked out");
        scope.Dispose();
    }

    [Fact]
    public void Bounded_TryRead_gives_up_after_its_attempts_while_a_write_stays_open()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        var scope = seqLock.BeginWrite();
        scope.Value.Fields[0] = 99;

        bool read = seqLock.TryRead(out ChecksummedPayload value, maxAttempts: 50);

        Assert.False(read);
        Assert.Equal(0, value.Counter);
        scope.Dispose();
        Assert.True(seqLock.TryRead(out value, maxAttempts: 50));
        Assert.Equal(99, value.Counter);
    }

    [Fact]
    public void Read_waits_for_an_open_write_and_returns_the_completed_value()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        using var writeOpened = new ManualResetEventSlim();
        ChecksummedPayload seen = default;

        var writer = new Thread(() =>
        {
            using var scope = seqLock.BeginWrite();
            scope.Value.Fields[0] = 2;
            writeOpened.Set();
            // Hold the write open long enough for the reader to be inside Read; it must not return half of it.
            Thread.Sleep(200);
            scope.Value.Fill(2);
        });
        writer.Start();
        writeOpened.Wait();
        seen = seqLock.Read();
        writer.Join();

        Assert.Equal(2, seen.Counter);
        Assert.True(seen.IsConsistent());
    }

    [Fact]
    public void Write_scope_refuses_access_after_it_is_disposed()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        var scope = seqLock.BeginWrite();
        scope.Dispose();

        try
        {
            scope.Value.Fields[0] = 5;
            Assert.Fail("writing through a disposed scope must throw");
        }
        catch (InvalidOperationException ex)
        {
            Assert.Contains("closed", ex.Message);
        }
        Assert.Equal(0, seqLock.Read().Counter);
    }

    [Fact]
    public void Default_write_scope_refuses_access_and_disposes_harmlessly()
    {
        var scope = default(SeqLockWriteScope<ChecksummedPayload>);

        scope.Dispose();
        try
        {
            _ = scope.Value;
            Assert.Fail("a default scope must not hand out a reference");
        }
        catch (InvalidOperationException)
        {
        }
    }

    [Fact]
    public void Disposing_a_write_scope_twice_publishes_once()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        var scope = seqLock.BeginWrite();

        scope.Dispose();
        scope.Dispose();

        Assert.Equal(2, seqLock.Version);
    }

    [Fact]
    public void Disposing_a_stale_scope_does_not_close_a_newer_write()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        var first = seqLock.BeginWrite();
        first.Dispose();
        var second = seqLock.BeginWrite();

        first.Dispose();

        Assert.Equal(3, seqLock.Version);
        Assert.False(seqLock.TryRead(out _));
        second.Dispose();
        Assert.Equal(4, seqLock.Version);
    }

    [Fact]
    public void Opening_a_second_write_while_one_is_open_throws()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        var scope = seqLock.BeginWrite();

        var ex = Assert.Throws<InvalidOperationException>(() => seqLock.Write(ChecksummedPayload.For(3)));

        Assert.Contains("already open", ex.Message);
        scope.Dispose();
        Assert.Equal(2, seqLock.Version);
    }

    [Fact]
    public void Bounded_TryRead_rejects_fewer_than_one_attempt()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();

        Assert.Throws<ArgumentOutOfRangeException>(() => seqLock.TryRead(out _, maxAttempts: 0));
    }

    [Fact]
    public void Read_TryRead_and_ReadInto_allocate_nothing()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        long sink = 0;
        for (int i = 0; i < 1000; i++)
            sink += seqLock.Read().Counter;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            sink += seqLock.Read().Counter;
            if (seqLock.TryRead(out ChecksummedPayload value))
                sink += value.Counter;
            seqLock.ReadInto(out ChecksummedPayload copied);
            sink += copied.Counter;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(301_000, sink);
    }

    [Fact]
    public void Write_and_write_scope_allocate_nothing()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        var payload = ChecksummedPayload.For(1);
        seqLock.Write(payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            seqLock.Write(payload);
            using var scope = seqLock.BeginWrite();
            scope.Value.Fields[1] = i;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
