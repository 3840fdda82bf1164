"""A WebSocket client on Python `websockets` (python3-websockets 10.4), run against the
LowLatency.WebSockets echo server. Run with /usr/bin/python3.

Usage: /usr/bin/python3 ws_client.py URL [--deflate]
Sends text, binary, empty and large messages and a fragmented text message, checks every echo,
pings, then closes with 1000. Prints "OK <messages>" and exits 0, or "FAIL ..." and exits 1.
"""
import asyncio
import sys

import websockets


def pattern(size, seed):
    return bytes(((i * 31 + seed) & 0xFF) for i in range(size))


async def main():
    url = sys.argv[1]
    compression = "deflate" if "--deflate" in sys.argv else None
    messages = [
        "hello from python websockets",
        "héllo wörld € 𝄞",
        b"",
        "",
        pattern(125, 1),
        pattern(126, 2),
        pattern(65535, 3),
        pattern(65536, 4),
        pattern(1024 * 1024, 5),
    ]
    async with websockets.connect(url, max_size=64 * 1024 * 1024, compression=compression) as ws:
        if compression and not any(e.name == "permessage-deflate" for e in ws.extensions):
            print("FAIL permessage-deflate not negotiated", flush=True)
            sys.exit(1)
        pong = await ws.ping(b"python ping")
        await asyncio.wait_for(pong, 10)
        for i, message in enumerate(messages):
            await ws.send(message)
            echo = await asyncio.wait_for(ws.recv(), 10)
            if echo != message:
                print("FAIL message %d differs (%r...)" % (i, echo[:40]), flush=True)
                sys.exit(1)
        fragmented = ["frag", "mented ☃", " text 𝄞", " end"]
        await ws.send(fragmented)
        echo = await asyncio.wait_for(ws.recv(), 10)
        if echo != "".join(fragmented):
            print("FAIL fragmented echo %r" % echo, flush=True)
            sys.exit(1)
        await ws.close(1000, "python done")
        print("OK %d close %d" % (len(messages) + 1, ws.close_code), flush=True)


asyncio.run(asyncio.wait_for(main(), 30))
