"""Real servers on loopback for the notification tests: an SMTP server (aiosmtpd) that keeps what it receives, and
an HTTP webhook receiver that verifies each Standard Webhooks signature and can answer slowly or with an error."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "faults"))

from server_process import free_port

from triage.notify import signing


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@dataclass
class SmtpServer:
    host: str
    port: int
    inbox: _Inbox

    @property
    def messages(self) -> list[Message]:
        with self.inbox.lock:
            return list(self.inbox.messages)

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["To"]]


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, inbox)
    finally:
        controller.stop()


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    msg_id: str | None  # None: the signature did not verify


@dataclass
class WebhookReceiver:
    """Verifies every request against `secret`; `behaviour(request_number)` returns (status, delay in seconds)."""

    url: str
    secret: str = ""
    received: list[Received] = field(default_factory=list)
    behaviour: Callable[[int], tuple[int, float]] = lambda n: (204, 0.0)
    requests: int = 0
    seen_ids: list[str | None] = field(default_factory=list)  # every request's webhook-id, answered or not
    lock: threading.Lock = field(default_factory=threading.Lock)

    def verified(self) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.msg_id is not None]

    def wait_for(self, count: int, timeout_s: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if len(self.verified()) >= count:
                return self.verified()
            time.sleep(0.05)
        raise AssertionError(f"{len(self.verified())} verified webhook(s) arrived, not {count}")


def wait_until(check: Callable[[], Any], timeout_s: float = 20.0, what: str = "the condition") -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    port = free_port()
    receiver = WebhookReceiver(url=f"http://127.0.0.1:{port}/hook")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            with receiver.lock:
                receiver.requests += 1
                receiver.seen_ids.append(headers.get("webhook-id"))
                number = receiver.requests
            status, delay = receiver.behaviour(number)
            try:
                msg_id: str | None = signing.verify(receiver.secret, headers, raw)
            except signing.InvalidSignature:
                msg_id = None
            if delay:
                time.sleep(delay)
            if 200 <= status < 300:
                with receiver.lock:
                    receiver.received.append(Received(self.path, headers, json.loads(raw), msg_id))
            self.send_response(status if msg_id else 401)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
