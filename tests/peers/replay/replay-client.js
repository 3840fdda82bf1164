// A third-party client (the npm `ws` package) of the LowLatency replayer, Binance flavour.
//
// Usage: node replay/replay-client.js URL CAPTURE STREAM[,STREAM...]
// Connects to URL (a combined-stream endpoint, /stream), sends SUBSCRIBE for the streams as the
// Binance documentation shows, expects {"result":null,"id":1}, then receives until the replayer
// closes at the end of the recording. The expected messages are read here from the capture
// (hftbacktest/native "<ns> <raw>" lines, gzip or plain) and compared byte for byte, in order.
// Prints "OK <messages>" and exits 0, or "FAIL <reason>" and exits 1.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const WebSocket = require(path.join(__dirname, '..', 'node_modules', 'ws'));

function fail(reason) {
  console.log('FAIL ' + reason);
  process.exit(1);
}

const [url, capture, streamList] = process.argv.slice(2);
const normalize = (name) => name.replace(/@\d+m?s$/, '');
const wanted = new Set(streamList.split(',').map(normalize));

let bytes = fs.readFileSync(capture);
if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
const expected = [];
let start = 0;
while (start < bytes.length) {
  let end = bytes.indexOf(0x0a, start);
  if (end < 0) end = bytes.length;
  const line = bytes.subarray(start, end);
  start = end + 1;
  const separator = line.findIndex((b) => b === 0x20 || b === 0x09);
  if (separator <= 0) continue;
  const raw = line.subarray(separator + 1);
  let message;
  try { message = JSON.parse(raw.toString('utf8')); } catch { continue; }
  if (message && typeof message.stream === 'string' && wanted.has(normalize(message.stream))) expected.push(Buffer.from(raw));
}

const received = [];
let acked = false;
const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 0 });
const timer = setTimeout(() => fail(`timed out after ${received.length} messages`), 60000);
ws.on('open', () => ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: streamList.split(','), id: 1 })));
ws.on('message', (data, isBinary) => {
  if (isBinary) fail('received a binary message; expected text');
  if (!acked) {
    if (data.toString('utf8') !== '{"result":null,"id":1}') fail('expected the SUBSCRIBE ack, received ' + data.toString('utf8').slice(0, 200));
    acked = true;
    return;
  }
  received.push(Buffer.from(data));
});
ws.on('error', (e) => fail('socket error: ' + e.message));
ws.on('close', (code) => {
  clearTimeout(timer);
  if (code !== 1000) fail(`closed with ${code}; expected 1000 at the end of the recording`);
  if (expected.length === 0) fail('the subscription selects no recorded message');
  if (received.length !== expected.length) fail(`received ${received.length} messages, expected ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    if (!received[i].equals(expected[i])) fail(`message ${i} differs: ${received[i].toString('utf8', 0, 80)}`);
  }
  console.log('OK ' + received.length);
  process.exit(0);
});
