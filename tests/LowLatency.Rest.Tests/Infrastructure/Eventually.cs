namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>
/// Waits (sleeping, never spinning) until a condition holds. The limit only turns a hang into a
/// failure; no test asserts how fast anything happens.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        DateTime giveUpAt = DateTime.UtcNow + HangGuard;
        while (!condition())
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Awaits a task that must complete; a hang becomes a failure naming <paramref name="what"/>.</summary>
    public static async Task<T> Completes<T>(Task<T> task, string what)
    {
        Task finished = await Task.WhenAny(task, Task.Delay(HangGuard));
        if (finished != task)
        {
            throw new TimeoutException($"Gave up waiting for: {what}");
        }

        return await task;
    }

    /// <summary>Awaits a task that must fail; returns its exception.</summary>
    public static async Task<TException> Fails<TException>(Task task, string what)
        where TException : Exception
    {
        Task finished = await Task.WhenAny(task, Task.Delay(HangGuard));
        if (finished != task)
        {
            throw new TimeoutException($"Gave up waiting for: {what}");
        }

        return await Assert.ThrowsAsync<TException>(() => task);
    }
}
