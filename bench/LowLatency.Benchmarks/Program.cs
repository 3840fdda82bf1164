using BenchmarkDotNet.Running;
using LowLatency.Benchmarks.Compare;

// `compare ...` is the side-by-side run of BENCH.md; anything else goes to BenchmarkDotNet
// (e.g. `--filter *Ring*`).
if (args.Length > 0 && args[0] == "compare")
    return CompareCommand.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args);
return 0;
