"""Record and replay HTTP exchanges with an OpenAI-compatible server (VCR-style), so CI re-runs real responses.

`RecordingTransport` wraps a real httpx transport and writes each exchange to a JSON file; `ReplayTransport`
answers from those files and refuses anything it has not seen (an httpx.ConnectError, so the extractor fails
closed exactly as it would without a server). Exchanges are keyed on the endpoint and the canonical JSON request
body, so a changed prompt, schema or model setting misses and must be re-recorded. No headers are stored: API keys
never reach the files. Pass either transport to `LLMExtractor(..., http_client=httpx.Client(transport=...))`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import httpx


def _endpoint(request: httpx.Request) -> str:
    """The API path without the server prefix, e.g. "chat/completions" for .../v1/chat/completions."""
    path = request.url.path.rstrip("/")
    return path.split("/v1/", 1)[-1] if "/v1/" in path else path.lstrip("/")


def _body(request: httpx.Request) -> Any:
    raw = request.content or b""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode("utf-8", "replace")


def exchange_key(request: httpx.Request) -> str:
    blob = json.dumps(
        {"method": request.method, "endpoint": _endpoint(request), "body": _body(request)},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class RecordingTransport(httpx.BaseTransport):
    """Passes requests to the real server and saves request body + response body per exchange."""

    def __init__(self, directory: Path, inner: httpx.BaseTransport | None = None) -> None:
        self.directory = Path(directory)
        self.inner = inner or httpx.HTTPTransport()
        self.label = "exchange"  # set per case by the caller, for readable file names
        self.written: list[Path] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        content = response.read()
        try:
            body: Any = json.loads(content) if content else None
        except ValueError:
            body = content.decode("utf-8", "replace")
        key = exchange_key(request)
        record = {
            "key": key,
            "label": self.label,
            "request": {"method": request.method, "endpoint": _endpoint(request), "body": _body(request)},
            "response": {"status": response.status_code, "body": body},
        }
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self.label}-{key[:12]}.json"
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        self.written.append(path)
        return httpx.Response(
            response.status_code, headers={"content-type": "application/json"}, content=content, request=request
        )


class ReplayTransport(httpx.BaseTransport):
    """Answers only requests it has a recording for."""

    def __init__(self, directory: Path) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        for path in sorted(Path(directory).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(record, dict) and "key" in record and "response" in record:
                self.records[record["key"]] = record
        self.hits: list[str] = []
        self.misses = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        record = self.records.get(exchange_key(request))
        if record is None:
            self.misses += 1
            raise httpx.ConnectError("no recorded response for this request (re-record it)", request=request)
        self.hits.append(record["label"])
        response = record["response"]
        body = response["body"]
        if isinstance(body, str):
            return httpx.Response(response["status"], text=body, request=request)
        return httpx.Response(response["status"], json=body, request=request)
