using System.Globalization;
using System.Text;
using System.Text.Json;
using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>Writes a <see cref="ReplayReport"/> as JSON or as a table.</summary>
public static class ReplayReportWriter
{
    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>.</summary>
    public static void Write(ReplayReport report, ReplayReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(format == ReplayReportFormat.Json ? ToJson(report) : ToText(report));
    }

    /// <summary>The report as one JSON object (keys as documented for <c>replay --report json</c>).</summary>
    public static string ToJson(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("exchange", report.Exchange);
            json.WriteNumber("messages", report.Messages);
            json.WriteNumber("events", report.Events);
            json.WriteNumber("parse_errors", report.ParseErrors);
            json.WriteNumber("unknown_messages", report.UnknownMessages);
            WriteEngine(json, report);
            json.WriteStartArray("instruments");
            foreach (var i in report.Instruments)
            {
                json.WriteStartObject();
                json.WriteString("symbol", i.Symbol);
                WriteDecimal(json, "best_bid", i.BestBid);
                WriteDecimal(json, "best_bid_qty", i.BestBidQuantity);
                WriteDecimal(json, "best_ask", i.BestAsk);
                WriteDecimal(json, "best_ask_qty", i.BestAskQuantity);
                json.WriteNumber("bid_levels", i.BidLevels);
                json.WriteNumber("ask_levels", i.AskLevels);
                json.WriteString("state", i.State);
                json.WriteNumber("gaps", i.Gaps);
                json.WriteNumber("resyncs", i.Resyncs);
                json.WriteNumber("checksum_ok", i.ChecksumOk);
                json.WriteNumber("checksum_failed", i.ChecksumFailed);
                json.WriteNumber("cross_checks_compared", i.CrossChecksCompared);
                json.WriteNumber("cross_checks_matched", i.CrossChecksMatched);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The report as a header line and a table with one row per instrument.</summary>
    public static string ToText(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = new[] { "symbol", "best_bid", "best_bid_qty", "best_ask", "best_ask_qty", "bid_levels", "ask_levels", "state", "gaps", "resyncs", "checksum_ok", "checksum_failed", "cross_checks_compared", "cross_checks_matched" };
        var rows = report.Instruments.Select(i => new[]
        {
            i.Symbol, i.BestBid ?? "-", i.BestBidQuantity ?? "-", i.BestAsk ?? "-", i.BestAskQuantity ?? "-",
            N(i.BidLevels), N(i.AskLevels), i.State, N(i.Gaps), N(i.Resyncs), N(i.ChecksumOk), N(i.ChecksumFailed),
            N(i.CrossChecksCompared), N(i.CrossChecksMatched),
        }).ToList();
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"exchange {report.Exchange}: messages {report.Messages}, events {report.Events}, parse_errors {report.ParseErrors}, unknown_messages {report.UnknownMessages}").AppendLine();
        var engine = report.Engine;
        engine.Latency.TryGetValue(LatencyStage.CacheVisible, out var v);
        text.Append(CultureInfo.InvariantCulture,
            $"engine: {engine.Seconds:0.000} s, {MessagesPerSecond(report):N0} msg/s through ring and consumers; fed -> cache visible p50 {v.P50 / 1000.0:0.0} us, p99 {v.P99 / 1000.0:0.0} us; gc gen0/1/2 {engine.Gc.Gen0}/{engine.Gc.Gen1}/{engine.Gc.Gen2}").AppendLine();
        AppendRow(text, header, widths);
        foreach (var row in rows)
            AppendRow(text, row, widths);
        return text.ToString().TrimEnd();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0)
                text.Append("  ");
            // Numbers right-aligned, names left-aligned.
            text.Append(c is 0 or 7 ? cells[c].PadRight(widths[c]) : cells[c].PadLeft(widths[c]));
        }
        text.AppendLine();
    }

    private static void WriteEngine(Utf8JsonWriter json, ReplayReport report)
    {
        var engine = report.Engine;
        json.WriteStartObject("engine");
        json.WriteNumber("seconds", Math.Round(engine.Seconds, 6));
        json.WriteNumber("messages_per_second", Math.Round(MessagesPerSecond(report)));
        EngineFiguresJson.WriteLatency(json, engine.Latency);
        EngineFiguresJson.WriteGc(json, engine.Gc);
        json.WriteNumber("ring_overruns", engine.RingOverruns);
        json.WriteEndObject();
    }

    private static double MessagesPerSecond(ReplayReport report) => report.Engine.Seconds > 0 ? report.Messages / report.Engine.Seconds : 0;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteDecimal(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
