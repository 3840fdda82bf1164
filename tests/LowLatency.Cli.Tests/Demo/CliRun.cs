using LowLatency.Cli.Commands;

namespace LowLatency.Cli.Tests.Demo;

/// <summary>Runs a <c>lowlatency</c> command with captured output.</summary>
public static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandCatalog.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
