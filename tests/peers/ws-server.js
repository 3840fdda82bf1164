// A scripted WebSocket server on the npm `ws` package: an independent peer for the
// LowLatency.WebSockets client tests. Prints "LISTENING <port>" once bound (port 0 = any).
//
// Usage: node ws-server.js [--deflate] [--tls CERT.pem KEY.pem]
//
// The client drives it with text commands (JSON); the message after an "echo" command is sent
// back in the requested shape:
//   {"cmd":"echo","fragments":K,"ping":true,"compress":false}  then the payload message
//   {"cmd":"ping","payload":"abc"}        server pings with that payload
//   {"cmd":"pongs"}                        answers "pongs:<count>:<last payload>"
//   {"cmd":"close","code":4001,"reason":"bye"}
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const { WebSocketServer } = require('ws');

const args = process.argv.slice(2);
const deflate = args.includes('--deflate');
const tlsAt = args.indexOf('--tls');
const server = tlsAt >= 0
  ? https.createServer({ cert: fs.readFileSync(args[tlsAt + 1]), key: fs.readFileSync(args[tlsAt + 2]) })
  : http.createServer();
const wss = new WebSocketServer({
  server,
  maxPayload: 64 * 1024 * 1024,
  perMessageDeflate: deflate ? { threshold: 0 } : false,
});

wss.on('connection', (ws) => {
  let pending = null;
  let pongs = 0;
  let lastPong = '';
  ws.on('pong', (data) => { pongs++; lastPong = data.toString(); });
  ws.on('message', (data, isBinary) => {
    if (pending) {
      const plan = pending;
      pending = null;
      echo(ws, data, isBinary, plan);
      return;
    }
    const command = JSON.parse(data.toString());
    switch (command.cmd) {
      case 'echo': pending = command; break;
      case 'ping': ws.ping(Buffer.from(command.payload)); break;
      case 'pongs': ws.send(`pongs:${pongs}:${lastPong}`); break;
      case 'close': ws.close(command.code, command.reason); break;
      default: ws.close(4400, 'unknown command ' + command.cmd);
    }
  });
  ws.on('error', (err) => process.stderr.write('connection error: ' + err.message + '\n'));
});

function echo(ws, data, isBinary, plan) {
  const fragments = Math.max(1, Math.min(plan.fragments || 1, Math.max(1, data.length)));
  const options = { binary: isBinary, compress: !!plan.compress };
  if (fragments === 1) {
    ws.send(data, options);
    return;
  }
  const size = Math.ceil(data.length / fragments);
  for (let i = 0; i < fragments; i++) {
    const part = data.subarray(i * size, Math.min(data.length, (i + 1) * size));
    ws.send(part, { ...options, fin: i === fragments - 1 });
    if (plan.ping && i < fragments - 1) ws.ping(Buffer.from('p' + i));
  }
}

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
