using LowLatency.Cli.Commands;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks the command to stop cleanly; a second one kills the process.
    if (!cts.IsCancellationRequested)
    {
        e.Cancel = true;
        cts.Cancel();
    }
};
return await CommandCatalog.RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
