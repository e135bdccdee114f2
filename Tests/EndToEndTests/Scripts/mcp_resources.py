"""The official Python MCP SDK follows the workspace through `sessions-hub mcp`'s resources.

Usage: python mcp_resources.py BINARY ROOT FILE. Lists and reads the resources, subscribes to both,
then another process (this script, not the server) writes FILE, a new session whose agent failed;
prints one JSON object with what came back, including the notifications the server sent.
"""
import asyncio
import json
import os
import sys

import mcp.types as types
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(binary: str, root: str, file: str) -> None:
    updated = []
    arrived = asyncio.Event()

    async def on_message(message) -> None:
        root_message = getattr(message, "root", message)
        if isinstance(root_message, types.ResourceUpdatedNotification):
            updated.append(str(root_message.params.uri))
            if len(set(updated)) == 2:
                arrived.set()

    params = StdioServerParameters(command=binary, args=["mcp", "--root", root])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, message_handler=on_message) as session:
            init = await session.initialize()
            resources = await session.list_resources()
            status = await session.read_resource("sessions-hub://workspace/status")
            status_json = json.loads(status.contents[0].text)
            await session.subscribe_resource("sessions-hub://workspace/status")
            await session.subscribe_resource("sessions-hub://workspace/attention")
            # Another writer: a new session, written the way agents' tools write (a rename into place).
            document = {"workorder_id": "WO-HOTFIX-001", "agents": [{"agent_id": "api-server", "status": "failed", "notes": "tests red"}]}
            os.makedirs(os.path.dirname(file), exist_ok=True)
            with open(file + ".tmp", "w", encoding="utf-8") as handle:
                json.dump(document, handle)
            os.replace(file + ".tmp", file)
            try:
                await asyncio.wait_for(arrived.wait(), timeout=20)
            except asyncio.TimeoutError:
                pass
            attention = await session.read_resource("sessions-hub://workspace/attention")
            print(json.dumps({
                "subscribe": bool(init.capabilities.resources and init.capabilities.resources.subscribe),
                "resources": [str(r.uri) for r in resources.resources],
                "sessions": status_json["counts"]["sessions"],
                "updated": sorted(set(updated)),
                "attention": json.loads(attention.contents[0].text),
            }))


asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
