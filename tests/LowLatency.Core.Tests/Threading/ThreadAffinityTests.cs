using LowLatency.Core.Tests.Ring;
using LowLatency.Core.Threading;

namespace LowLatency.Core.Tests.Threading;

/// <summary>Pinning through sched_setaffinity on Linux, read back through sched_getaffinity.</summary>
public sealed class ThreadAffinityTests
{
    [Fact]
    public void Pinned_thread_reads_back_a_mask_of_its_one_cpu()
    {
        int cpu = Environment.ProcessorCount - 1;
        bool pinned = false;
        int[] mask = [];
        var thread = new Thread(() =>
        {
            pinned = ThreadAffinity.TryPinCurrentThread(cpu, out _);
            ThreadAffinity.TryGetCurrentThreadAffinity(out mask);
        });
        thread.Start();
        thread.Join();

        if (OperatingSystem.IsLinux())
        {
            Assert.True(pinned);
            Assert.Equal([cpu], mask);
        }
        else
        {
            Assert.False(pinned);
            Assert.Empty(mask);
        }
    }

    [Fact]
    public void Pinning_one_thread_leaves_other_threads_unpinned()
    {
        bool read = ThreadAffinity.TryGetCurrentThreadAffinity(out int[] before);
        var thread = new Thread(() => ThreadAffinity.TryPinCurrentThread(0, out _));
        thread.Start();
        thread.Join();

        Assert.Equal(read, ThreadAffinity.TryGetCurrentThreadAffinity(out int[] after));
        Assert.Equal(OperatingSystem.IsLinux(), read);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Cpu_outside_the_affinity_set_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadAffinity.TryPinCurrentThread(-1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadAffinity.TryPinCurrentThread(1024, out _));
    }

    [Fact]
    public void Dedicated_thread_pins_itself_and_reports_the_outcome()
    {
        int cpu = Environment.ProcessorCount - 1;
        int[] mask = [];
        string? name = null;
        var thread = new DedicatedThread(new DedicatedThreadOptions { Name = "pinned-consumer", Cpu = cpu }, () =>
        {
            name = Thread.CurrentThread.Name;
            ThreadAffinity.TryGetCurrentThreadAffinity(out mask);
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal("pinned-consumer", name);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(AffinityOutcome.Pinned, thread.Affinity);
            Assert.Equal([cpu], mask);
        }
        else
        {
            Assert.Equal(AffinityOutcome.Unsupported, thread.Affinity);
        }
    }

    [Fact]
    public void Dedicated_thread_that_cannot_pin_logs_and_runs_unpinned()
    {
        var logger = new RecordingLogger();
        bool ran = false;
        // A CPU number the machine does not have: the kernel refuses it with EINVAL.
        var thread = new DedicatedThread(new DedicatedThreadOptions { Name = "unpinnable", Cpu = 1023 }, () => ran = true, logger);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.True(ran);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(AffinityOutcome.Failed, thread.Affinity);
            Assert.Contains(logger.Entries, e => e.Message.Contains("sched_setaffinity to CPU 1023 failed", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(AffinityOutcome.Unsupported, thread.Affinity);
            Assert.Contains(logger.Entries, e => e.Message.Contains("not supported", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Exception_escaping_a_dedicated_thread_is_logged_and_kept()
    {
        var logger = new RecordingLogger();
        var failure = new InvalidOperationException("loop failed");
        var thread = new DedicatedThread(new DedicatedThreadOptions { Name = "doomed" }, () => throw failure, logger);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.Same(failure, thread.Failure);
        Assert.Contains(logger.Entries, e => ReferenceEquals(e.Exception, failure) && e.Message.Contains("doomed", StringComparison.Ordinal));
    }
}
