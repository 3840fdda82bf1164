using System.Runtime;
using System.Runtime.InteropServices;

namespace LowLatency.LoadTests.Reporting;

/// <summary>The machine a load run was measured on.</summary>
public sealed record MachineDescription(int Cores, string Cpu, string Os, string Runtime, string Gc)
{
    /// <summary>This machine.</summary>
    public static MachineDescription Current()
    {
        string gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent");
        return new MachineDescription(Environment.ProcessorCount, CpuName(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, gc);
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
