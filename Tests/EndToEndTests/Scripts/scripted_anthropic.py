"""A scripted Messages API on loopback for the real Claude Code CLI (PLATFORM.md "Real Claude Code,
offline"): answers each request from a script the test owns, streamed as server-sent events.

    scripted_anthropic.py PORT_FILE SCRIPT_JSON

SCRIPT_JSON is a list of turns; each turn answers the next request whose last user message is a
prompt (typed text) or a tool result: {"tool": "Bash", "input": {...}} asks to use a tool,
{"text": "..."} ends the turn. When the script is used up, every request gets "done". The port it
listens on is written to PORT_FILE. Every request is appended to PORT_FILE + ".log" (one line each)."""
import json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, script_file = sys.argv[1], sys.argv[2]
script = json.load(open(script_file))
lock = threading.Lock()
state = {"next": 0, "tool_id": 0}


def events(turn):
    state["tool_id"] += 1
    message = {"id": "msg_%d" % state["tool_id"], "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
               "content": [], "stop_reason": None, "stop_sequence": None,
               "usage": {"input_tokens": 120, "output_tokens": 1, "cache_read_input_tokens": 30, "cache_creation_input_tokens": 0}}
    yield "message_start", {"type": "message_start", "message": message}
    if "tool" in turn:
        block = {"type": "tool_use", "id": "toolu_%d" % state["tool_id"], "name": turn["tool"], "input": {}}
        yield "content_block_start", {"type": "content_block_start", "index": 0, "content_block": block}
        yield "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "input_json_delta", "partial_json": json.dumps(turn["input"])}}
        stop = "tool_use"
    else:
        yield "content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
        yield "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": turn.get("text", "done")}}
        stop = "end_turn"
    yield "content_block_stop", {"type": "content_block_stop", "index": 0}
    yield "message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None}, "usage": {"output_tokens": 42}}
    yield "message_stop", {"type": "message_stop"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)) or 0)
        with open(port_file + ".log", "a") as log:
            log.write(self.path + " " + body[:2000].decode("utf-8", "replace").replace("\n", " ") + "\n")
        if "count_tokens" in self.path:
            return self.reply_json({"input_tokens": 100})
        request = json.loads(body or b"{}")
        # Side requests (titles, summaries) are not part of the script: they get a short text.
        last = request.get("messages", [{}])[-1]
        blocks = last.get("content") if isinstance(last.get("content"), list) else [{"type": "text", "text": last.get("content", "")}]
        is_tool_result = any(b.get("type") == "tool_result" for b in blocks)
        texts = " ".join(b.get("text", "") for b in blocks if b.get("type") == "text")
        main = is_tool_result or "sessions-hub" in texts or "one-liner" in texts.lower() or request.get("tools")
        with lock:
            if main and request.get("tools") and state["next"] < len(script):
                turn = script[state["next"]]
                state["next"] += 1
            else:
                turn = {"text": "done"}
        if not request.get("stream"):
            return self.reply_json({"id": "msg_side", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                                    "content": [{"type": "text", "text": turn.get("text", "ok")}], "stop_reason": "end_turn",
                                    "usage": {"input_tokens": 10, "output_tokens": 2}})
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.end_headers()
        for name, data in events(turn):
            self.wfile.write(("event: %s\ndata: %s\n\n" % (name, json.dumps(data))).encode())
            self.wfile.flush()

    def reply_json(self, value):
        data = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
