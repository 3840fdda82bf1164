using System.Globalization;
using LowLatency.Benchmarks.Compare;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Benchmarks.Scenarios.E2E.Naive;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E;

/// <summary>
/// The end-to-end bench the three <c>e2e.*</c> scenarios share: one replayer serving the recorded
/// Binance capture over loopback, and per round a fresh pipeline (our engine, or the naive peer)
/// that connects to it, receives the first <see cref="RoundPlan.Messages"/> messages and is torn down.
/// </summary>
/// <remarks>
/// <para><b>How latency is measured (both sides alike).</b> Wire time: the replayer reports each
/// socket write before it makes it (<see cref="IReplaySendObserver"/>), and every message of the
/// write gets that timestamp. Visible time: right after a message's update is applied to the cache
/// (our cache consumer's <c>ICacheVisibilityObserver</c>; the peer's consumer after its
/// <c>lock</c>), the pipeline records the message's key (stream + Binance update or trade id) and
/// <c>Stopwatch.GetTimestamp()</c>. After the round the key finds the message's capture index and so
/// its send time; the difference goes into Core's <c>LatencyHistogram</c>. Messages before
/// <see cref="RoundPlan.WarmUp"/> and before the pipeline's book is in sync (connection, REST
/// snapshot, buffered diffs) are not counted (<see cref="SteadyState"/>).</para>
/// <para><b>Throughput</b> is the counted messages over the time between the first and the last
/// of them becoming visible; at max speed the replayer is ahead of both pipelines (socket buffers
/// full), so this is the pipeline's sustained rate.</para>
/// <para><b>Warm-up.</b> Before the first scenario's rounds, both pipelines run the capture a few
/// times with pauses for the JIT (<see cref="JitWarmUp"/>): without them our engine's per-message
/// code, compiled at run time, stayed partly unoptimized through the measured rounds while the
/// peer's, mostly precompiled framework code, did not.</para>
/// </remarks>
internal sealed class E2EBench : IDisposable
{
    private const int MaxAttempts = 3;
    private readonly double? _messagesPerSecond;
    private readonly IReadOnlyList<FaultSpec> _faults;
    private readonly RoundPlan _quick;
    private readonly RoundPlan _full;
    private readonly List<RoundMeasurement> _ours = [];
    private readonly List<RoundMeasurement> _peer = [];
    private int _retries;
    private E2EFeed _feed = null!;
    private Replayer? _replayer;
    private SendLog _sends = null!;
    private VisibilityLog _visible = null!;
    private RoundPlan _plan;

    /// <summary>A bench that paces the capture at <paramref name="messagesPerSecond"/> on average (null: as fast as possible), with optional replayer faults.</summary>
    public E2EBench(double? messagesPerSecond, RoundPlan quick, RoundPlan full, IReadOnlyList<FaultSpec>? faults = null)
    {
        _faults = faults ?? [];
        _messagesPerSecond = messagesPerSecond;
        _quick = quick;
        _full = full;
    }

    public void Setup(CompareContext context)
    {
        _feed = E2EFeed.Load(context.Fixture(E2EFeed.FixturePath));
        JitWarmUp.Once(_feed);
        var plan = context.Size(_quick, _full);
        _plan = plan with { Messages = Math.Min(plan.Messages, _feed.Count) };
        _sends = new SendLog(_feed.Count);
        _visible = new VisibilityLog(_feed.Count);
        var speed = _messagesPerSecond is { } rate ? ReplaySpeed.Times(_feed.SpeedFactorFor(rate)) : ReplaySpeed.Max;
        _replayer = Replayer.Start(_feed.Feed, new ReplayerOptions { Speed = speed, AtEnd = ReplayEndBehavior.KeepOpen, SendObserver = _sends, Faults = _faults });
    }

    public RoundMeasurement RunOurs() => Keep(_ours, Attempt("ours", () => EngineRound.Run(_feed, _replayer!, _sends, _visible, _plan)));

    public RoundMeasurement RunPeer() => Keep(_peer, Attempt("peer", () => NaiveRound.Run(_feed, _replayer!, _sends, _visible, _plan)));

    /// <summary>Prints each side's median round (by <paramref name="headline"/>, the scenario's figure) in full, so that figure can be read in context.</summary>
    public void Describe(string scenario, Func<RoundMeasurement, double> headline)
    {
        if (_ours.Count == 0)
            return;
        string pace = _messagesPerSecond is { } rate ? $"paced at {rate.ToString("N0", CultureInfo.InvariantCulture)} msg/s (x{_feed.SpeedFactorFor(rate):0.#})" : "at max speed";
        Console.WriteLine($"  {scenario}: first {_plan.Messages:N0} messages of the capture per round, counted after {_plan.WarmUp:N0} and the book in sync, {pace}; wire = replayer socket write, visible = after the cache update.");
        Console.WriteLine("  " + Line("ours", _ours, headline));
        if (_peer.Count > 0)
            Console.WriteLine("  " + Line("peer", _peer, headline));
        if (_faults.Count > 0)
        {
            Console.WriteLine($"  {scenario}: replayer faults {string.Join(" ", _faults.Select(f => f.Text))}; counting started quiescent (nothing after the first counted message sent yet) " +
                $"in {_ours.Count(r => r.QuiescentStart)}/{_ours.Count} rounds of ours and {_peer.Count(r => r.QuiescentStart)}/{_peer.Count} of the peer.");
        }
        if (_retries > 0)
            Console.WriteLine($"  {scenario}: {_retries} round(s) repeated because the book could not sync from the capture's one REST snapshot in time (see BookNotSyncedException).");
    }

    public void Dispose()
    {
        _replayer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _replayer = null;
    }

    /// <summary>Runs a round, once more (twice at most) when its book could not sync before its messages were all visible.</summary>
    private RoundMeasurement Attempt(string side, Func<RoundMeasurement> round)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return round();
            }
            catch (BookNotSyncedException ex) when (attempt < MaxAttempts)
            {
                _retries++;
                Console.WriteLine($"  {side}: round repeated: {ex.Message}");
            }
        }
    }

    private static RoundMeasurement Keep(List<RoundMeasurement> rounds, RoundMeasurement round)
    {
        if (round.Unmatched != 0)
            throw new InvalidOperationException($"{round.Unmatched} visible messages had no recorded send time; expected every message to match one send.");
        rounds.Add(round);
        return round;
    }

    private static string Line(string side, List<RoundMeasurement> rounds, Func<RoundMeasurement, double> headline)
    {
        var median = rounds.OrderBy(headline).ElementAt(rounds.Count / 2);
        var l = median.Latency;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{side}: wire → visible µs p50 {l.P50 / 1e3:0.0} p90 {l.P90 / 1e3:0.0} p99 {l.P99 / 1e3:0.0} p99.9 {l.P999 / 1e3:0.0} max {l.Max / 1e3:0.0}; " +
            $"{median.Messages:N0} counted at {median.MessagesPerSecond:N0} msg/s; process CPU {median.CpuMicrosecondsPerMessage:0.0} µs/msg; {median.BytesPerMessage:0.#} B/msg ({median.Scope})");
        if (median.EngineStages is { } stages)
        {
            line += "; engine's own stages from client receive, p50/p99 µs:" + string.Concat(stages.Select(s =>
                string.Create(CultureInfo.InvariantCulture, $" {s.Key} {s.Value.P50 / 1e3:0.0}/{s.Value.P99 / 1e3:0.0}")));
        }
        return line;
    }
}
