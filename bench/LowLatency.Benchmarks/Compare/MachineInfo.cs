using System.Runtime;
using System.Runtime.InteropServices;

namespace LowLatency.Benchmarks.Compare;

/// <summary>The machine a report was measured on.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, string Gc)
{
    /// <summary>Reads the current machine.</summary>
    public static MachineInfo Current()
    {
        string gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent");
        return new MachineInfo(Environment.ProcessorCount, CpuName(), RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, gc);
    }

    private static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                        return line[(line.IndexOf(':') + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
