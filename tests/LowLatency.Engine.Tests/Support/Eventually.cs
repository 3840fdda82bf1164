using System.Diagnostics;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Polls a condition; the timeout is only a hang guard, never a performance threshold.</summary>
public static class Eventually
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? HangGuard;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Still waiting after {limit.TotalSeconds:0} s for: {what}");
            await Task.Delay(10);
        }
    }
}
