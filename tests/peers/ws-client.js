// A WebSocket client on the npm `ws` package, run against the LowLatency.WebSockets server (an
// echo server) to prove our server side with an independent peer.
//
// Usage: node ws-client.js URL [--deflate]
// Sends text, binary, empty, 125/126/65535/65536-byte and 1 MiB messages, a fragmented text
// message with multi-byte characters split across frames, and pings; checks every echo byte for
// byte, then closes with 1000. Prints "OK <messages>" and exits 0, or prints the failure and exits 1.
'use strict';
const WebSocket = require('ws');

const [url, ...rest] = process.argv.slice(2);
const deflate = rest.includes('--deflate');

function pattern(size, seed) {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

const messages = [
  { data: 'hello from node ws', binary: false },
  { data: 'héllo wörld € 𝄞', binary: false },
  { data: Buffer.alloc(0), binary: true },
  { data: '', binary: false },
  { data: pattern(125, 1), binary: true },
  { data: pattern(126, 2), binary: true },
  { data: pattern(65535, 3), binary: true },
  { data: pattern(65536, 4), binary: true },
  { data: pattern(1024 * 1024, 5), binary: true },
  { data: 'x'.repeat(70000), binary: false },
];

const ws = new WebSocket(url, { perMessageDeflate: deflate });
let received = 0;
let pongs = 0;
const fail = (why) => { process.stdout.write('FAIL ' + why + '\n'); process.exit(1); };
const timer = setTimeout(() => fail('timeout after ' + received + ' echoes'), 20000);

ws.on('open', () => {
  if (deflate && !ws.extensions.includes('permessage-deflate')) fail('permessage-deflate not negotiated: ' + ws.extensions);
  ws.ping('are you there');
  for (const m of messages) ws.send(m.data, { binary: m.binary });
  // A text message fragmented byte by byte, so multi-byte characters straddle frames.
  const text = Buffer.from('fragmented ☃ text 𝄞 end');
  for (let i = 0; i < text.length; i++) ws.send(text.subarray(i, i + 1), { binary: false, fin: i === text.length - 1 });
});
ws.on('pong', (data) => { if (data.toString() === 'are you there') pongs++; });
ws.on('message', (data, isBinary) => {
  const expected = received < messages.length
    ? messages[received]
    : { data: 'fragmented ☃ text 𝄞 end', binary: false };
  const want = Buffer.isBuffer(expected.data) ? expected.data : Buffer.from(expected.data);
  if (isBinary !== expected.binary) fail(`message ${received}: binary=${isBinary}, expected ${expected.binary}`);
  if (!Buffer.from(data).equals(want)) fail(`message ${received}: ${data.length} bytes differ from the ${want.length} sent`);
  received++;
  if (received === messages.length + 1) {
    if (pongs !== 1) fail('expected one pong with our payload, got ' + pongs);
    ws.close(1000, 'node done');
  }
});
ws.on('close', (code, reason) => {
  clearTimeout(timer);
  if (received !== messages.length + 1) fail(`closed ${code} ${reason} after ${received} echoes`);
  process.stdout.write(`OK ${received} close ${code}\n`);
  process.exit(0);
});
ws.on('error', (err) => fail('error ' + err.message));
