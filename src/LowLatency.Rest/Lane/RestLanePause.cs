namespace LowLatency.Rest.Lane;

/// <summary>
/// The lane-wide pause an exchange's 429 or 418 imposes: no request is sent until it ends.
/// A new pause only ever extends the current one.
/// </summary>
internal sealed class RestLanePause(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _until = DateTimeOffset.MinValue;
    private DateTimeOffset _banUntil = DateTimeOffset.MinValue;

    public DateTimeOffset Extend(TimeSpan duration, bool isBan)
    {
        DateTimeOffset until = timeProvider.GetUtcNow() + duration;
        lock (_gate)
        {
            if (until > _until)
            {
                _until = until;
            }

            if (isBan && until > _banUntil)
            {
                _banUntil = until;
            }

            return _until;
        }
    }

    public DateTimeOffset? PausedUntil
    {
        get
        {
            DateTimeOffset now = timeProvider.GetUtcNow();
            lock (_gate)
            {
                return _until > now ? _until : null;
            }
        }
    }

    public TimeSpan? BanRemaining
    {
        get
        {
            DateTimeOffset now = timeProvider.GetUtcNow();
            lock (_gate)
            {
                return _banUntil > now ? _banUntil - now : null;
            }
        }
    }

    /// <summary>Completes when no pause is in force; re-checks after each wait since a pause may be extended meanwhile.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (PausedUntil is { } until)
        {
            TimeSpan remaining = until - timeProvider.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
