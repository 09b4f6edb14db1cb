"""A misbehaving OpenAI-compatible server on 127.0.0.1 for fault tests: real sockets, real HTTP, real timeouts.

The first path segment picks the behaviour, so one server serves every fault at once and a base URL is all a
client (in this process or in a uvicorn subprocess) needs: `server.base_url("hang")` → `http://127.0.0.1:P/hang/v1`.

Behaviours:
- `ok`            a valid forced tool call (or JSON content when no tool was offered) for `llm_fakes.EXAMPLE_PLAN`
- `slow-<s>`      like `ok`, after <s> seconds (e.g. `slow-1.5`)
- `hang`          never answers (until the server stops): the client's timeout must fire
- `hang-if-<w>`   hangs when the request mentions the word <w> (e.g. one organisation's plans), else like `ok`
- `status-<code>` that HTTP status with an OpenAI-style error body (e.g. `status-500`, `status-503`)
- `garbage`       200 with bytes that are not JSON
- `truncated`     200 with a completion whose JSON body is cut off halfway (a complete HTTP message)
- `cutoff`        200 announcing the whole body, then the connection drops halfway through it
- `badargs`       a tool call whose arguments are truncated JSON
- `schema`        a tool call whose arguments are JSON but break the record schema
- `refusal`       the model refuses (OpenAI's `refusal` field, no content)
- `nouse`         a valid record with no AI use in it
- `reset`         the connection is closed without an answer
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from llm_fakes import example_output

from triage.extract.llm.schema import TOOL_NAME

HANG_LIMIT_S = 30.0  # a hanging reply gives up by itself, so a forgotten server never holds a thread forever


def _completion(message: dict[str, Any], finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake-model",
        "choices": [{"index": 0, "message": {"role": "assistant", **message}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 150, "total_tokens": 1050},
    }


def _tool_call(arguments: str) -> dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": TOOL_NAME, "arguments": arguments}}
    return _completion({"content": None, "tool_calls": [call]}, "tool_calls")


def _record(body: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """The record the way the client asked for it: a forced tool call, or JSON text in the content."""
    if body.get("tools"):
        return _tool_call(json.dumps(record))
    return _completion({"content": json.dumps(record)})


class FakeLLMServer:
    """Serves chat completions on a free loopback port from a daemon thread; use as a context manager."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-llm", daemon=True)

    def base_url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.port}/{mode}/v1"

    def calls(self, mode: str | None = None) -> int:
        with self._lock:
            return sum(1 for m, _ in self.requests if mode is None or m == mode)

    def start(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases hanging and slow replies at once
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_POST(self) -> None:
                match = re.fullmatch(r"/([\w.-]+)/v1/chat/completions", self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if match is None:
                    self._send(404, {"error": {"message": "no such route", "type": "not_found"}})
                    return
                mode = match.group(1)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                with server._lock:
                    server.requests.append((mode, body))
                self._answer(mode, body)

            def _answer(self, mode: str, body: dict[str, Any]) -> None:
                if mode == "ok":
                    self._send(200, _record(body, example_output()))
                elif mode.startswith("slow-"):
                    if not server._stopping.wait(float(mode.split("-", 1)[1])):
                        self._send(200, _record(body, example_output()))
                elif mode == "hang" or (mode.startswith("hang-if-") and mode[8:] in json.dumps(body)):
                    server._stopping.wait(HANG_LIMIT_S)
                    self.close_connection = True
                elif mode.startswith("hang-if-"):
                    self._send(200, _record(body, example_output()))
                elif mode.startswith("status-"):
                    code = int(mode.split("-", 1)[1])
                    self._send(code, {"error": {"message": "scripted failure", "type": "server_error"}})
                elif mode == "garbage":
                    self._send_bytes(200, b"\x00\xff<html>502 Bad Gateway</html> not json {{{", "application/json")
                elif mode == "truncated":
                    whole = json.dumps(_record(body, example_output())).encode()
                    self._send_bytes(200, whole[: len(whole) // 2], "application/json")
                elif mode == "cutoff":
                    whole = json.dumps(_record(body, example_output())).encode()
                    self._send_bytes(200, whole, "application/json", cut=len(whole) // 2)
                elif mode == "badargs":
                    args = json.dumps(example_output())
                    self._send(200, _tool_call(args[: len(args) // 2]))
                elif mode == "schema":
                    broken = {"language": "en", "uses": [{"summary": 42, "stage": "on the moon", "media": "voice"}]}
                    self._send(200, _record(body, broken))
                elif mode == "refusal":
                    self._send(200, _completion({"content": None, "refusal": "I can't help with that request."}))
                elif mode == "nouse":
                    self._send(200, _record(body, {"language": "en", "uses": []}))
                elif mode == "reset":
                    self.close_connection = True  # no status line at all: the client sees the connection drop
                else:
                    self._send(400, {"error": {"message": f"unknown fake mode {mode!r}", "type": "invalid_request"}})

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._send_bytes(status, json.dumps(payload).encode(), "application/json")

            def _send_bytes(self, status: int, data: bytes, content_type: str, cut: int | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data if cut is None else data[:cut])
                    if cut is not None:
                        self.close_connection = True
                except OSError:
                    pass  # the client gave up (timed out) first

        return Handler
