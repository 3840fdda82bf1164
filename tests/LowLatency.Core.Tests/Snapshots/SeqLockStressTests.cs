using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

/// <summary>
/// A writer hammers one 128-byte checksummed value while readers on other threads validate
/// every copy they are handed. On 2 cores: one writer, one reader, each on its own core.
/// </summary>
public sealed class SeqLockStressTests
{
    private const long ValidatedReadsTarget = 10_000_000;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public void SeqLock_readers_never_get_a_torn_value_over_ten_million_reads()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        long torn = 0;
        long validated = 0;

        RunWriterAgainstReaders(
            writeStep: counter =>
            {
                // Alternate whole-value writes with field-by-field in-place writes: the second
                // leaves the widest window for a reader to catch half a value.
                if ((counter & 1) == 0)
                {
                    seqLock.Write(ChecksummedPayload.For(counter));
                }
                else
                {
                    using var scope = seqLock.BeginWrite();
                    scope.Value.Fill(counter);
                }
            },
            readerLoop: readsWanted =>
            {
                long myTorn = 0, myValidated = 0;
                while (myValidated < readsWanted)
                {
                    // Wait-free attempts, by-value reads and in-place reads all hand out only validated copies.
                    if (seqLock.TryRead(out ChecksummedPayload attempt))
                    {
                        myValidated++;
                        if (!attempt.IsConsistent())
                            myTorn++;
                    }
                    ChecksummedPayload value = seqLock.Read();
                    myValidated++;
                    if (!value.IsConsistent())
                        myTorn++;
                    seqLock.ReadInto(out ChecksummedPayload copied);
                    myValidated++;
                    if (!copied.IsConsistent())
                        myTorn++;
                }
                Interlocked.Add(ref torn, myTorn);
                Interlocked.Add(ref validated, myValidated);
            });

        Assert.True(validated >= ValidatedReadsTarget, $"only {validated} validated reads");
        Assert.Equal(0, torn);
    }

    [Fact]
    public void SeqLockArray_readers_never_get_a_torn_or_foreign_value_while_neighbours_are_written()
    {
        const int Slots = 4;
        var array = new SeqLockArray<ChecksummedPayload>(Slots);
        for (int slot = 0; slot < Slots; slot++)
            array.Write(slot, ChecksummedPayload.For(slot));
        long bad = 0;
        long validated = 0;

        // Slot s only ever holds counters congruent to s modulo Slots: a copy from the wrong slot shows.
        RunWriterAgainstReaders(
            writeStep: counter => array.Write((int)(counter % Slots), ChecksummedPayload.For(counter)),
            readerLoop: readsWanted =>
            {
                long myBad = 0, myValidated = 0;
                readsWanted /= 4;
                for (int slot = 0; myValidated < readsWanted; slot = (slot + 1) % Slots)
                {
                    ChecksummedPayload value = array.Read(slot);
                    myValidated++;
                    if (!value.IsConsistent() || value.Counter % Slots != slot)
                        myBad++;
                }
                Interlocked.Add(ref bad, myBad);
                Interlocked.Add(ref validated, myValidated);
            });

        Assert.True(validated >= ValidatedReadsTarget / 4, $"only {validated} validated reads");
        Assert.Equal(0, bad);
    }

    [Fact]
    public void SeqLock_reader_sees_values_advance_and_never_go_back()
    {
        var seqLock = new SeqLock<ChecksummedPayload>();
        seqLock.Write(ChecksummedPayload.For(1));
        long wentBack = 0;
        long distinct = 0;

        RunWriterAgainstReaders(
            writeStep: counter => seqLock.Write(ChecksummedPayload.For(counter)),
            readerLoop: readsWanted =>
            {
                long previous = 0, myWentBack = 0, myDistinct = 0;
                for (long reads = 0; reads < readsWanted / 10 || myDistinct < 1000; reads++)
                {
                    long counter = seqLock.Read().Counter;
                    if (counter < previous)
                        myWentBack++;
                    else if (counter > previous)
                        myDistinct++;
                    previous = counter;
                }
                Interlocked.Add(ref wentBack, myWentBack);
                Interlocked.Add(ref distinct, myDistinct);
            });

        Assert.Equal(0, wentBack);
        Assert.True(distinct >= 1000, $"readers saw only {distinct} distinct values");
    }

    /// <summary>
    /// Runs the writer on its own thread until every reader thread has done its share, then stops it.
    /// Readers: one per spare core, at least one.
    /// </summary>
    private static void RunWriterAgainstReaders(Action<long> writeStep, Action<long> readerLoop)
    {
        int readerCount = Math.Max(1, Environment.ProcessorCount - 1);
        long readsPerReader = ValidatedReadsTarget / readerCount + 1;
        var stop = 0;
        long writes = 0;
        Exception? failure = null;

        var writer = new Thread(() =>
        {
            try
            {
                long counter = 2;
                while (Volatile.Read(ref stop) == 0)
                    writeStep(counter++);
                writes = counter;
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { IsBackground = true, Name = "seqlock-stress-writer" };

        var readers = new Thread[readerCount];
        for (int i = 0; i < readerCount; i++)
        {
            readers[i] = new Thread(() =>
            {
                try
                {
                    readerLoop(readsPerReader);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }) { IsBackground = true, Name = $"seqlock-stress-reader-{i}" };
        }

        writer.Start();
        foreach (var reader in readers)
            reader.Start();
        bool readersDone = readers.All(r => r.Join(HangGuard));
        Volatile.Write(ref stop, 1);
        bool writerDone = writer.Join(HangGuard);

        Assert.Null(failure);
        Assert.True(readersDone && writerDone, "stress threads did not finish (hang guard)");
        Assert.True(writes > 2, "the writer made no progress");
    }
}
