using FsCheck;
using FsCheck.Fluent;
using LowLatency.Rest.Signing;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Signing;

public sealed class KrakenNonceSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly string _folder = Directory.CreateTempSubdirectory("lowlatency-kraken-nonce-").FullName;

    private string NonceFile => Path.Combine(_folder, "keys", "nonce.txt");

    [Fact]
    public void First_nonce_is_the_clock_in_milliseconds()
    {
        var source = new KrakenNonceSource(NonceFile, new ManualTimeProvider(Start));

        Assert.Equal(Start.ToUnixTimeMilliseconds(), source.Next());
    }

    [Fact]
    public void Nonces_within_one_millisecond_still_increase()
    {
        var source = new KrakenNonceSource(NonceFile, new ManualTimeProvider(Start));

        long[] nonces = [source.Next(), source.Next(), source.Next()];

        long t = Start.ToUnixTimeMilliseconds();
        Assert.Equal([t, t + 1, t + 2], nonces);
    }

    [Fact]
    public void Nonce_is_written_to_the_file_before_it_is_returned()
    {
        var source = new KrakenNonceSource(NonceFile, new ManualTimeProvider(Start));

        long nonce = source.Next();

        Assert.Equal(nonce.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(NonceFile));
    }

    [Fact]
    public void New_instance_on_the_same_file_continues_above_the_last_nonce()
    {
        var clock = new ManualTimeProvider(Start);
        var before = new KrakenNonceSource(NonceFile, clock);
        before.Next();
        before.Next();
        long last = before.Next();

        var restarted = new KrakenNonceSource(NonceFile, clock);

        Assert.Equal(last, restarted.Last);
        Assert.Equal(last + 1, restarted.Next());
    }

    [Fact]
    public void Clock_stepping_back_never_lowers_the_nonce_even_across_a_restart()
    {
        var clock = new ManualTimeProvider(Start);
        long last = new KrakenNonceSource(NonceFile, clock).Next();

        clock.SetUtcNow(Start - TimeSpan.FromHours(1));
        var restarted = new KrakenNonceSource(NonceFile, clock);

        Assert.Equal(last + 1, restarted.Next());
        Assert.Equal(last + 2, restarted.Next());
    }

    [Fact]
    public void Clock_moving_ahead_again_lets_the_nonce_follow_it()
    {
        var clock = new ManualTimeProvider(Start);
        var source = new KrakenNonceSource(NonceFile, clock);
        source.Next();

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal((Start + TimeSpan.FromSeconds(5)).ToUnixTimeMilliseconds(), source.Next());
    }

    [Fact]
    public void File_that_holds_no_nonce_is_refused_rather_than_guessed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(NonceFile)!);
        File.WriteAllText(NonceFile, "garbage");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => new KrakenNonceSource(NonceFile));

        Assert.Contains("garbage", error.Message);
    }

    [Fact]
    public void Nonces_strictly_increase_whatever_the_clock_does_and_however_often_the_process_restarts()
    {
        // Each step moves the clock by -60..+60 s (or not at all), and every third step "restarts".
        Arbitrary<int[]> steps = ArbMap.Default.ArbFor<int[]>();
        Prop.ForAll(steps, moves =>
        {
            string file = Path.Combine(_folder, Guid.NewGuid().ToString("N"), "nonce.txt");
            var clock = new ManualTimeProvider(Start);
            var source = new KrakenNonceSource(file, clock);
            long previous = 0;
            for (int i = 0; i < Math.Min(moves.Length, 12); i++)
            {
                clock.SetUtcNow(clock.GetUtcNow() + TimeSpan.FromMilliseconds(moves[i] % 60_000));
                if (i % 3 == 2)
                {
                    source = new KrakenNonceSource(file, clock);
                }

                long nonce = source.Next();
                if (nonce <= previous)
                {
                    return false;
                }

                previous = nonce;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
