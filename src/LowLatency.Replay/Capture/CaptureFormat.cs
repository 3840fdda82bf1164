namespace LowLatency.Replay.Capture;

/// <summary>Text capture formats the readers understand (each plain or gzip-compressed).</summary>
public enum CaptureFormat : byte
{
    /// <summary>
    /// hftbacktest collector and our native format: <c>&lt;unix_ns&gt; &lt;raw message&gt;</c> per line
    /// (space or tab). REST snapshots appear in-line as bare bodies.
    /// </summary>
    Hbt = 0,

    /// <summary>
    /// cryptofeed <c>sample_data</c> format 1: <c>ts: body</c> received frames,
    /// <c>URL -&gt; ts: body</c> HTTP responses, <c>URL &lt;-&gt; ts</c> connects, <c>URL &lt;- ts: body</c> sent frames
    /// (ts in seconds with a fraction).
    /// </summary>
    Cryptofeed,

    /// <summary>One raw message per line, no timestamp.</summary>
    Lines,
}
