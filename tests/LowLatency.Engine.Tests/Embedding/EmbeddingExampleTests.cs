using LowLatency.Engine.Tests.Support;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Embedding;

public sealed class EmbeddingExampleTests
{
    private static readonly string[] ExampleFiles =
    [
        Path.Combine("tests", "LowLatency.Engine.Tests", "Embedding", "EmbeddingExample.cs"),
        Path.Combine("tests", "LowLatency.Engine.Tests", "Embedding", "QuoteCounter.cs"),
    ];

    [Fact]
    public async Task Embedding_example_runs_against_the_replayer()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceCryptofeed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        var output = new StringWriter();

        await EmbeddingExample.RunAsync(replayer.Url, replayer.RestUrl, output).WaitAsync(Eventually.HangGuard);

        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NKNUSDT bid 0\.\d+ ask 0\.\d+ from (Cache|Rest) \((Synced|Degraded)\)$", lines[0]);
        Assert.Matches(@"^LRCBTC best bid 0\.\d+ ask 0\.\d+ from (Cache|Rest)$", lines[1]);
        Assert.Matches(@"^[1-9]\d* quotes reached the strategy$", lines[2]);
    }

    [Fact]
    public void Embedding_document_shows_the_tested_example_verbatim()
    {
        var document = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "EMBEDDING.md")).ReplaceLineEndings("\n");

        foreach (var file in ExampleFiles)
        {
            var example = Marked(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, file)).ReplaceLineEndings("\n"));
            Assert.True(document.Contains(example, StringComparison.Ordinal), $"docs/EMBEDDING.md lacks the example of {file}:\n{example}");
        }
    }

    /// <summary>The lines between the markers, unindented by the first line's indentation.</summary>
    private static string Marked(string source)
    {
        var lines = source.Split('\n');
        int begin = Array.FindIndex(lines, l => l.Trim() == "// begin example");
        int end = Array.FindIndex(lines, l => l.Trim() == "// end example");
        var body = lines[(begin + 1)..end];
        int indent = body.First(l => l.Length > 0).TakeWhile(c => c == ' ').Count();
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
