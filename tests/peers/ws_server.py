"""A scripted WebSocket server on Python `websockets` (Debian's python3-websockets 10.4): a second
independent peer for the LowLatency.WebSockets client tests. Run with /usr/bin/python3.

Usage: /usr/bin/python3 ws_server.py [--deflate]
Prints "LISTENING <port>" once bound. Same commands as ws-server.js ("echo" with "fragments",
"ping", "pongs", "close"); fragments are sent through websockets' own fragmentation.
"""
import asyncio
import json
import sys

import websockets


async def handler(ws, _path=None):
    state = {"pongs": 0}
    pending = None
    async for message in ws:
        if pending is not None:
            plan, pending = pending, None
            fragments = max(1, min(int(plan.get("fragments", 1)), max(1, len(message))))
            if fragments == 1:
                await ws.send(message)
            else:
                size = -(-len(message) // fragments)
                await ws.send([message[i:i + size] for i in range(0, len(message), size)])
            continue
        command = json.loads(message)
        cmd = command["cmd"]
        if cmd == "echo":
            pending = command
        elif cmd == "ping":
            waiter = await ws.ping(command["payload"].encode())

            async def count(w=waiter):
                await w
                state["pongs"] += 1
            asyncio.ensure_future(count())
        elif cmd == "pongs":
            await asyncio.sleep(0.05)
            await ws.send("pongs:%d" % state["pongs"])
        elif cmd == "close":
            await ws.close(command["code"], command["reason"])
        else:
            await ws.close(4400, "unknown command " + cmd)


async def main():
    compression = "deflate" if "--deflate" in sys.argv else None
    async with websockets.serve(handler, "127.0.0.1", 0, max_size=64 * 1024 * 1024, compression=compression) as server:
        port = server.sockets[0].getsockname()[1]
        print("LISTENING %d" % port, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


asyncio.run(main())
