"""A client the project did not write: the official Python MCP SDK drives `sessions-hub mcp`.

Usage: python mcp_client.py BINARY ROOT. Prints one JSON object with what each call returned.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def structured(result):
    """The structured result (`structured_content` in SDK 2.x, `structuredContent` before)."""
    return getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)


def is_error(result):
    value = getattr(result, "is_error", None)
    return value if value is not None else getattr(result, "isError", None)


async def main(binary: str, root: str) -> None:
    params = StdioServerParameters(command=binary, args=["mcp", "--root", root])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            create = await session.call_tool("create_stub", {
                "feature_name": "python-made",
                "description": "An idea an agent wrote through MCP",
                "agents": ["docs-writer", "api-server"],
                "orchestrator": "assistant",
                "scope": {"docs": "write the docs", "api": "add the endpoint"},
                "phases": ["Phase 1: Build"],
            })
            start = await session.call_tool("start_session", {"stub": "python-made"})
            status = await session.call_tool("set_status", {
                "session": "python-made-phase1", "agent": "api-server",
                "status": "blocked", "note": "Waiting for review",
            })
            missing = await session.call_tool("get_session", {"session": "no-such-session"})
            after = await session.call_tool("list_sessions", {})
            # The SDK checks each result against the tool's outputSchema (and raises if it does
            # not fit): every reading tool once, on the demo's own sessions and workorders.
            reads = {
                "list_stubs": {},
                "get_session": {"session": "api-migration-phase1"},
                "my_instructions": {"session": "api-migration-phase1", "agent": "api-server"},
                "list_workorders": {},
                "check_workspace": {},
                "list_sessions": {"limit": 1},
            }
            checked = []
            for name, arguments in reads.items():
                result = await session.call_tool(name, arguments)
                if is_error(result):
                    raise SystemExit(f"{name} failed: {result.content[0].text}")
                checked.append(name)
            page = structured(await session.call_tool("list_sessions", {"limit": 1}))
            print(json.dumps({
                "tools": [tool.name for tool in tools.tools],
                "create": structured(create),
                "start": structured(start),
                "status": structured(status),
                "missing_is_error": is_error(missing),
                "missing_text": missing.content[0].text,
                "sessions": [s["name"] for s in structured(after)["sessions"]],
                "with_output_schema": [tool.name for tool in tools.tools if (getattr(tool, "output_schema", None) or getattr(tool, "outputSchema", None))],
                "checked": checked,
                "page": {"count": len(page["sessions"]), "next_cursor": page["next_cursor"], "total": page["total"]},
            }))


asyncio.run(main(sys.argv[1], sys.argv[2]))
