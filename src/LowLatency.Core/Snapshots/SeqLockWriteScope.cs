using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// An open in-place write to one seqlock slot: change fields through <see cref="Value"/>, and
/// the write is published when the scope is disposed. Use it with <c>using</c>.
/// </summary>
/// <remarks>
/// <para>In-place writes avoid building a large snapshot (a 360-byte book top) on the stack
/// and copying it in. Readers retry for as long as the scope is open, so keep it short: field
/// assignments only, no I/O, no waiting.</para>
/// <para>Misuse is caught rather than published: <see cref="Value"/> throws once the scope is
/// closed, opening a second write on the same slot throws, and disposing twice is harmless.
/// If the code inside the scope throws, <c>using</c> still closes the write, publishing the
/// fields assigned so far as a consistent (if partial) update.</para>
/// </remarks>
/// <typeparam name="T">The slot's value type.</typeparam>
public ref struct SeqLockWriteScope<T> where T : unmanaged
{
    private readonly ref long _version;
    private readonly ref T _value;
    private readonly long _openVersion;

    internal SeqLockWriteScope(ref long version, ref T value)
    {
        _openVersion = SeqLockProtocol.BeginWrite(ref version);
        _version = ref version;
        _value = ref value;
    }

    /// <summary>The slot's value, writable in place while the scope is open.</summary>
    /// <exception cref="InvalidOperationException">The scope was disposed or never opened.</exception>
    public readonly ref T Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (Unsafe.IsNullRef(ref _version) || _version != _openVersion)
                SeqLockThrow.ScopeClosed();
            return ref _value;
        }
    }

    /// <summary>Publishes the write. Idempotent.</summary>
    public readonly void Dispose()
    {
        if (!Unsafe.IsNullRef(ref _version) && _version == _openVersion)
            SeqLockProtocol.EndWrite(ref _version, _openVersion);
    }
}
