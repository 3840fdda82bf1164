using System.Runtime.InteropServices;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// The few entry points of the system zlib (<c>libz.so.1</c>) the direct inflater needs, with the
/// LP64 layout of <c>z_stream</c> (Linux and macOS on 64-bit; <c>uLong</c> is 8 bytes there).
/// </summary>
internal static unsafe partial class ZLibNative
{
    public const int SyncFlush = 2;
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int BufferError = -5;

    private const string Library = "libz.so.1";

    /// <summary>zlib checks only the major version of this string.</summary>
    private static ReadOnlySpan<byte> Version => "1.2.13\0"u8;

    /// <summary>True when the library loads and this is a 64-bit Unix process (the layout below).</summary>
    public static bool IsAvailable { get; } = Probe();

    public static int InflateInitRaw(ZStream* stream)
    {
        fixed (byte* version = Version)
            return inflateInit2_(stream, -15, version, sizeof(ZStream));
    }

    [LibraryImport(Library)]
    private static partial int inflateInit2_(ZStream* stream, int windowBits, byte* version, int streamSize);

    [LibraryImport(Library, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "inflateReset")]
    public static partial int InflateReset(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* stream);

    private static bool Probe()
    {
        if (!Environment.Is64BitProcess || OperatingSystem.IsWindows())
            return false;
        if (!NativeLibrary.TryLoad(Library, out IntPtr handle))
            return false;
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary><c>z_stream</c> for LP64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public byte* Message;
        public IntPtr State;
        public IntPtr ZAlloc;
        public IntPtr ZFree;
        public IntPtr Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }
}
