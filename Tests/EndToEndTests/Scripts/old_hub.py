#!/usr/bin/env python3
"""A far side's hub from before resources: answers initialize with tools only, then waits.

Run by the remote tests as a remote's `hub` (through a real sshd); its arguments are ignored.
"""
import json
import sys

for line in sys.stdin:
    try:
        message = json.loads(line)
    except ValueError:
        continue
    if message.get("method") == "initialize":
        print(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": {
            "protocolVersion": message.get("params", {}).get("protocolVersion", "2025-03-26"),
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": {"name": "sessions-hub", "version": "0.1.0"},
        }}), flush=True)
