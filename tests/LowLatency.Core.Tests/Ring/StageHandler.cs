using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// A pipeline stage: checks that the stages it depends on already wrote their mark for this very
/// sequence (this lap, not a previous one), then writes its own mark.
/// </summary>
public sealed class StageHandler(int stage, params int[] dependsOn) : IEventHandler<RingTestEvent>
{
    public long Count { get; private set; }

    public long Violations { get; private set; }

    public string? FirstViolation { get; private set; }

    public static long Mark(int stage, long sequence) => sequence * 10 + stage;

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (data.Value != sequence)
            Violate($"stage {stage}: slot of sequence {sequence} holds payload {data.Value}");
        foreach (int upstream in dependsOn)
        {
            long mark = Read(ref data, upstream);
            if (mark != Mark(upstream, sequence))
                Violate($"stage {stage} saw sequence {sequence} before stage {upstream} (mark {mark})");
        }
        if (stage > 0)
            Write(ref data, stage, Mark(stage, sequence));
        Count++;
    }

    private static long Read(ref RingTestEvent data, int stage) => stage switch
    {
        1 => data.Stage1,
        2 => data.Stage2,
        3 => data.Stage3,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    private static void Write(ref RingTestEvent data, int stage, long value)
    {
        switch (stage)
        {
            case 1: data.Stage1 = value; break;
            case 2: data.Stage2 = value; break;
            case 3: data.Stage3 = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(stage));
        }
    }

    private void Violate(string message)
    {
        Violations++;
        FirstViolation ??= message;
    }
}
