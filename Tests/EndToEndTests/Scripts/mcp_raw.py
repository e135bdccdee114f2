"""The MCP server's own edge, spoken raw over stdio (no SDK): a request before initialize, a line
over the 4 MB cap, then a normal session. Prints one JSON report; every wait has a deadline."""
import json, select, subprocess, sys, time

binary, root = sys.argv[1], sys.argv[2]
server = subprocess.Popen([binary, "mcp", "--root", root], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
report = {}


def send(message):
    text = message if isinstance(message, str) else json.dumps(message)
    server.stdin.write(text.encode() + b"\n")
    server.stdin.flush()


def receive(deadline=20):
    ready, _, _ = select.select([server.stdout], [], [], deadline)
    return json.loads(server.stdout.readline()) if ready else None


send({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
report["before_initialize"] = receive()
started = time.monotonic()
send('{"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "list_stubs", "arguments": {"filter": "' + "a" * 5_000_000 + '"}}}')
report["too_long"] = receive()
send({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}})
report["initialize"] = receive()
send({"jsonrpc": "2.0", "method": "notifications/initialized"})
send({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "list_stubs", "arguments": {}}})
report["after"] = receive()
report["seconds_to_serve_again"] = time.monotonic() - started
server.stdin.close()
server.wait(10)
print(json.dumps(report))
