using System.Numerics;
using System.Runtime.CompilerServices;

namespace LowLatency.Core.Tests.Snapshots;

/// <summary>
/// A 128-byte value whose every field derives from one counter and whose last field is a
/// checksum of the others: any mix of two writes (a torn read) breaks the invariant.
/// </summary>
internal struct ChecksummedPayload
{
    public const int FieldCount = 16;

    public ChecksummedLongs Fields;

    public readonly long Counter => Fields[0];

    public static ChecksummedPayload For(long counter)
    {
        var payload = new ChecksummedPayload();
        payload.Fill(counter);
        return payload;
    }

    /// <summary>Writes the fields one by one, the way an in-place writer would.</summary>
    public void Fill(long counter)
    {
        long checksum = 0;
        for (int i = 0; i < FieldCount - 1; i++)
        {
            long field = Derive(counter, i);
            Fields[i] = field;
            checksum = Mix(checksum, field);
        }
        Fields[FieldCount - 1] = checksum;
    }

    public readonly bool IsConsistent()
    {
        long counter = Fields[0];
        long checksum = 0;
        for (int i = 0; i < FieldCount - 1; i++)
        {
            if (Fields[i] != Derive(counter, i))
                return false;
            checksum = Mix(checksum, Fields[i]);
        }
        return Fields[FieldCount - 1] == checksum;
    }

    private static long Derive(long counter, int field) =>
        field == 0 ? counter : (long)BitOperations.RotateLeft((ulong)counter * 0x9E3779B97F4A7C15UL, field * 4) ^ field;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Mix(long checksum, long field) => (long)BitOperations.RotateLeft((ulong)(checksum ^ field), 7) * 31;
}
