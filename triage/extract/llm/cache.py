"""A SQLite cache of validated LLM responses, so re-running an eval over the same plans costs no model calls.

Keyed on everything that shapes the answer: model, prompt version, schema hash, structured-output method,
temperature, production type and a hash of the exact text. Only successful, schema-valid responses are stored
(never failures: they may be transient). Each row keeps the tokens, calls and latency of the call that made it.
The cache holds model output, which quotes partner text: it lives in the data dir beside the case database.
A broken cache never breaks extraction: errors are logged and the call goes to the model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_FILE = "llm_cache.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_responses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    output TEXT NOT NULL,
    llm_calls INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    latency_ms REAL NOT NULL,
    created_at REAL NOT NULL
)
"""


@dataclass(frozen=True)
class CachedResponse:
    output: dict[str, Any]
    llm_calls: int
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float


def cache_key(
    *,
    model: str,
    prompt_version: str,
    schema_hash: str,
    method: str,
    temperature: float,
    text: str,
    production_type: str | None,
) -> str:
    """A stable key; the text enters only as its hash."""
    parts = {
        "model": model,
        "prompt_version": prompt_version,
        "schema": schema_hash,
        "method": method,
        "temperature": temperature,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "production_type": production_type,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class LLMCache:
    """One SQLite file; a short-lived connection per operation keeps it safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5.0)
        if not self._ready:
            conn.execute(_SCHEMA)
            conn.commit()
            self._ready = True
        return conn

    def get(self, key: str) -> CachedResponse | None:
        try:
            conn = self._connect()
            try:
                row = conn.execute(
                    "SELECT output, llm_calls, prompt_tokens, completion_tokens, latency_ms"
                    " FROM llm_responses WHERE key = ?",
                    (key,),
                ).fetchone()
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as e:
            log.warning("llm cache unreadable (%s); calling the model", type(e).__name__)
            return None
        if row is None:
            return None
        try:
            output = json.loads(row[0])
        except ValueError:
            return None
        return CachedResponse(output, int(row[1]), int(row[2]), int(row[3]), float(row[4]))

    def put(self, key: str, entry: CachedResponse, *, model: str, prompt_version: str) -> None:
        """Store a successful, schema-valid response with what it cost."""
        e = entry
        try:
            conn = self._connect()
            try:
                conn.execute(
                    "INSERT OR REPLACE INTO llm_responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        model,
                        prompt_version,
                        json.dumps(e.output, ensure_ascii=False),
                        e.llm_calls,
                        e.prompt_tokens,
                        e.completion_tokens,
                        e.latency_ms,
                        time.time(),
                    ),
                )
                conn.commit()
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as err:
            log.warning("llm cache not writable (%s); result not cached", type(err).__name__)

    def count(self) -> int:
        """Stored responses (a method, not __len__, so an empty cache is still truthy)."""
        try:
            conn = self._connect()
            try:
                return int(conn.execute("SELECT COUNT(*) FROM llm_responses").fetchone()[0])
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            return 0
