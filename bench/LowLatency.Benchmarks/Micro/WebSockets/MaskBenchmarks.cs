using BenchmarkDotNet.Attributes;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Benchmarks.Micro.WebSockets;

/// <summary>The RFC 6455 §5.3 XOR mask over typical payload sizes (vectorized path vs the byte loop it replaces).</summary>
[MemoryDiagnoser]
public class MaskBenchmarks
{
    private byte[] _data = [];

    [Params(16, 128, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => _data = new byte[Size];

    [Benchmark]
    public int Vectorized() => WebSocketMask.Apply(_data, 0x12345678, 1);

    [Benchmark(Baseline = true)]
    public int ByteLoop()
    {
        for (int i = 0; i < _data.Length; i++)
            _data[i] ^= (byte)(0x12345678u >> (((i + 1) & 3) * 8));
        return (_data.Length + 1) & 3;
    }
}
