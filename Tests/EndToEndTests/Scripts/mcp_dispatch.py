"""An agent asks the hub, over MCP, to dispatch another agent (the official Python SDK as the client).

Usage: python mcp_dispatch.py BINARY ROOT OUT. Writes the tool's structured answer to OUT as JSON.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(binary: str, root: str, out: str) -> None:
    # The server inherits this pane's environment: TMUX, and the user's config folder.
    params = StdioServerParameters(command=binary, args=["mcp", "--root", root], env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("dispatch_agents", {"session": "api-migration-phase1", "agents": ["docs-writer"]})
            answer = getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)
            if answer is None:
                answer = {"error": result.content[0].text}
            with open(out + ".tmp", "w") as handle:
                json.dump(answer, handle)
            os.rename(out + ".tmp", out)


asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
