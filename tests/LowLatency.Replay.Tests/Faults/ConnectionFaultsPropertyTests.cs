using FsCheck;
using FsCheck.Fluent;
using LowLatency.Replay.Faults;

namespace LowLatency.Replay.Tests.Faults;

public sealed class ConnectionFaultsPropertyTests
{
    [Fact]
    public void Shuffle_is_a_permutation_and_never_the_identity()
    {
        Prop.ForAll(Gen.Choose(2, 12).ToArbitrary(), ArbMap.Default.ArbFor<ulong>(), (window, seed) =>
        {
            var faults = ConnectionFaults.Create([FaultSpec.Parse($"reorder:at=1,window={window},seed={seed}")])!;
            var indices = Enumerable.Range(100, window).ToArray();
            faults.Shuffle(0, indices);
            return indices.Order().SequenceEqual(Enumerable.Range(100, window)) && !indices.SequenceEqual(Enumerable.Range(100, window));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Corrupt_changes_exactly_the_asked_ascii_bytes_to_printable_ascii()
    {
        Prop.ForAll(Gen.Choose(1, 8).ToArbitrary(), ArbMap.Default.ArbFor<ulong>(), Gen.Choose(8, 300).ToArbitrary(), (bytes, seed, length) =>
        {
            var faults = ConnectionFaults.Create([FaultSpec.Parse($"corrupt:every=1,bytes={bytes},seed={seed}")])!;
            var original = Enumerable.Range(0, length).Select(i => (byte)(i % 3 == 0 ? 0xC3 : 0x20 + (i % 90))).ToArray();
            var payload = original.ToArray();
            var replaced = faults.Corrupt(0, payload);
            var changed = Enumerable.Range(0, length).Where(i => payload[i] != original[i]).ToList();
            var expected = Math.Min(bytes, original.Count(b => b < 0x80));
            return replaced == expected && changed.Count == expected && changed.All(i => original[i] < 0x80 && payload[i] is >= 0x21 and <= 0x7E);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Same_seed_fires_on_the_same_messages()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
        {
            var spec = FaultSpec.Parse($"drop:rate=0.1,seed={seed}");
            var first = ConnectionFaults.Create([spec])!;
            var second = ConnectionFaults.Create([spec])!;
            return Enumerable.Range(1, 500).All(n => first.Decide(n) == second.Decide(n));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_fault_given_first_wins_and_the_other_keeps_its_positions()
    {
        var faults = ConnectionFaults.Create([FaultSpec.Parse("drop:every=2"), FaultSpec.Parse("duplicate:every=3")])!;

        var decided = Enumerable.Range(1, 12).Select(n => faults.Decide(n)).ToArray();

        Assert.Equal([-1, 0, 1, 0, -1, 0, -1, 0, 1, 0, -1, 0], decided);
    }

    [Fact]
    public void Count_limits_how_often_a_fault_applies()
    {
        var faults = ConnectionFaults.Create([FaultSpec.Parse("drop:every=1,count=3")])!;

        Assert.Equal(3, Enumerable.Range(1, 10).Count(n => faults.Decide(n) == 0));
    }

    [Fact]
    public void Connection_and_rest_faults_are_not_message_faults()
    {
        Assert.Null(ConnectionFaults.Create([FaultSpec.Parse("refuse:count=2"), FaultSpec.Parse("rest:status=500")]));
    }
}
