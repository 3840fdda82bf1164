"""A third-party client (Python `websockets`, python3-websockets 10.4) of the LowLatency replayer.

It talks to the replayer the way each exchange's documentation says, and checks that it receives
exactly the recorded messages of its subscription, byte for byte and in order. The expected
messages are read from the capture file here, independently of the replayer's own loader.

Usage (run with /usr/bin/python3):
  replay_client.py binance URL CAPTURE --streams a,b [--subscribe] [--raw]
  replay_client.py kraken  URL CAPTURE --channel book --symbols BTC/USD
  replay_client.py bybit   URL CAPTURE --topics orderbook.1.BANDUSDT,orderbook.1.RADUSDT
  replay_client.py kucoin  REST_URL CAPTURE --topic /market/ticker:SNX-BTC,BCHSV-USDT
  replay_client.py okx     URL CAPTURE --args trades:BTC-USDT,tickers:BTC-USDT
Prints "OK <messages>" and exits 0, or "FAIL <reason>" and exits 1. The replayer must close the
connection at the end of the recording (its default).
"""
import argparse
import asyncio
import gzip
import json
import re
import sys
import urllib.request

import websockets

TIMEOUT = 60


def fail(reason):
    print("FAIL " + reason, flush=True)
    sys.exit(1)


def capture_messages(path):
    """Received message bodies of a capture: hftbacktest/native '<ns> <raw>' (gzip or plain) or cryptofeed 'ts: body'."""
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        for line in f:
            line = line.rstrip(b"\r\n")
            if not line:
                continue
            m = re.match(rb"^(\d+)[ \t]", line)
            if m and line[m.end():m.end() + 1] in (b"{", b"["):
                yield line[m.end():]
                continue
            m = re.match(rb"^\d+(\.\d+)?: ", line)
            if m:
                yield line[m.end():]


def as_json(raw):
    try:
        return json.loads(raw)
    except ValueError:
        return None


def binance_name(stream):
    # The replayer ignores the update-speed suffix; so does this reading of the capture.
    return re.sub(r"@\d+m?s$", "", stream)


async def receive_all(ws, skip=lambda text: False):
    received = []
    try:
        while True:
            message = await asyncio.wait_for(ws.recv(), TIMEOUT)
            if isinstance(message, bytes):
                fail("received a binary message; expected text")
            if not skip(message):
                received.append(message.encode("utf-8"))
    except websockets.exceptions.ConnectionClosedOK:
        return received
    except websockets.exceptions.ConnectionClosedError as e:
        fail("connection closed with an error: %s" % e)


def compare(received, expected):
    if len(received) != len(expected):
        first = next((i for i, (r, e) in enumerate(zip(received, expected)) if r != e), min(len(received), len(expected)))
        fail("received %d messages, expected %d (first difference at %d)" % (len(received), len(expected), first))
    for i, (r, e) in enumerate(zip(received, expected)):
        if r != e:
            fail("message %d differs: %r... expected %r..." % (i, r[:80], e[:80]))
    if not expected:
        fail("the subscription selects no recorded message")
    print("OK %d" % len(received), flush=True)


async def expect(ws, check, what):
    message = await asyncio.wait_for(ws.recv(), TIMEOUT)
    if not check(message):
        fail("expected %s, received %r" % (what, message[:200]))
    return message


async def binance(a):
    wanted = set(binance_name(s) for s in a.streams.split(","))
    expected = []
    for raw in capture_messages(a.capture):
        obj = as_json(raw)
        if isinstance(obj, dict) and "stream" in obj and binance_name(obj["stream"]) in wanted:
            prefix = b'{"stream":"' + obj["stream"].encode() + b'","data":'
            expected.append(raw[len(prefix):-1] if a.raw else raw)
    async with websockets.connect(a.url, max_size=None, compression=None) as ws:
        if a.subscribe:
            await ws.send(json.dumps({"method": "SUBSCRIBE", "params": a.streams.split(","), "id": 1}))
            await expect(ws, lambda m: json.loads(m) == {"result": None, "id": 1}, '{"result":null,"id":1}')
        compare(await receive_all(ws), expected)


async def kraken(a):
    symbols = a.symbols.split(",")
    expected = []
    for raw in capture_messages(a.capture):
        obj = as_json(raw)
        if isinstance(obj, dict) and obj.get("channel") == a.channel and "method" not in obj and obj.get("data") and obj["data"][0].get("symbol") in symbols:
            expected.append(raw)
    async with websockets.connect(a.url, max_size=None, compression=None) as ws:
        await expect(ws, lambda m: json.loads(m).get("channel") == "status" and json.loads(m)["data"][0]["system"] == "online", "the status message")
        await ws.send(json.dumps({"method": "ping", "req_id": 7}))
        await expect(ws, lambda m: json.loads(m).get("method") == "pong" and json.loads(m).get("req_id") == 7, "a pong with req_id 7")
        await ws.send(json.dumps({"method": "subscribe", "params": {"channel": a.channel, "symbol": symbols, "depth": 10}, "req_id": 1}))
        for symbol in symbols:
            await expect(ws, lambda m: (lambda o: o.get("method") == "subscribe" and o.get("success") is True and o.get("req_id") == 1
                                        and o["result"]["channel"] == a.channel and o["result"]["symbol"] == symbol)(json.loads(m)),
                         "the subscribe ack for " + symbol)
        compare(await receive_all(ws, skip=lambda m: m == '{"channel":"heartbeat"}'), expected)


async def bybit(a):
    topics = a.topics.split(",")
    expected = [raw for raw in capture_messages(a.capture) if isinstance(as_json(raw), dict) and as_json(raw).get("topic") in topics]
    async with websockets.connect(a.url, max_size=None, compression=None) as ws:
        await ws.send(json.dumps({"op": "ping", "req_id": "p1"}))
        await expect(ws, lambda m: (lambda o: o.get("success") is True and o.get("ret_msg") == "pong" and o.get("op") == "ping" and o.get("req_id") == "p1")(json.loads(m)), "a pong")
        await ws.send(json.dumps({"op": "subscribe", "args": topics, "req_id": "s1"}))
        await expect(ws, lambda m: (lambda o: o.get("success") is True and o.get("op") == "subscribe" and o.get("req_id") == "s1" and o.get("conn_id"))(json.loads(m)), "the subscribe ack")
        compare(await receive_all(ws), expected)


async def kucoin(a):
    channel, symbols = a.topic.split(":")
    topics = set(channel + ":" + s for s in symbols.split(","))
    expected = []
    for raw in capture_messages(a.capture):
        obj = as_json(raw)
        if isinstance(obj, dict) and obj.get("type") == "message" and obj.get("topic") in topics:
            expected.append(raw)
    request = urllib.request.Request(a.url.rstrip("/") + "/api/v1/bullet-public", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        bullet = json.loads(response.read())
    if bullet.get("code") != "200000":
        fail("bullet-public answered %r" % bullet)
    server = bullet["data"]["instanceServers"][0]
    if server["pingInterval"] <= 0 or server["pingTimeout"] <= 0:
        fail("bullet-public gave no ping interval: %r" % server)
    url = "%s?token=%s&connectId=python-1" % (server["endpoint"], bullet["data"]["token"])
    async with websockets.connect(url, max_size=None, compression=None) as ws:
        await expect(ws, lambda m: json.loads(m) == {"id": "python-1", "type": "welcome"}, "the welcome message")
        await ws.send(json.dumps({"id": "ping-1", "type": "ping"}))
        await expect(ws, lambda m: (lambda o: o.get("id") == "ping-1" and o.get("type") == "pong")(json.loads(m)), "a pong")
        await ws.send(json.dumps({"id": "sub-1", "type": "subscribe", "topic": a.topic, "privateChannel": False, "response": True}))
        await expect(ws, lambda m: json.loads(m) == {"id": "sub-1", "type": "ack"}, "the ack")
        compare(await receive_all(ws), expected)


async def okx(a):
    arguments = [dict(zip(("channel", "instId"), pair.split(":"))) for pair in a.args.split(",")]
    keys = set((x["channel"], x["instId"]) for x in arguments)
    expected = []
    for raw in capture_messages(a.capture):
        obj = as_json(raw)
        if isinstance(obj, dict) and "event" not in obj and "arg" in obj and (obj["arg"].get("channel"), obj["arg"].get("instId")) in keys:
            expected.append(raw)
    async with websockets.connect(a.url, max_size=None, compression=None) as ws:
        await ws.send("ping")
        await expect(ws, lambda m: m == "pong", "pong")
        await ws.send(json.dumps({"op": "subscribe", "args": arguments}))
        for argument in arguments:
            await expect(ws, lambda m: (lambda o: o.get("event") == "subscribe" and o.get("arg") == argument and o.get("connId"))(json.loads(m)), "the ack for %r" % argument)
        compare(await receive_all(ws), expected)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exchange", choices=["binance", "kraken", "bybit", "kucoin", "okx"])
    parser.add_argument("url")
    parser.add_argument("capture")
    parser.add_argument("--streams")
    parser.add_argument("--subscribe", action="store_true")
    parser.add_argument("--raw", action="store_true")
    parser.add_argument("--channel")
    parser.add_argument("--symbols")
    parser.add_argument("--topics")
    parser.add_argument("--topic")
    parser.add_argument("--args")
    a = parser.parse_args()
    asyncio.run(asyncio.wait_for(globals()[a.exchange](a), 120))


if __name__ == "__main__":
    main()
