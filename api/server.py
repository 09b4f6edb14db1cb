"""Running the app under uvicorn with bounded connections and a bounded shutdown (what `triage serve` runs).

- A connection must send a complete request head within the idle timeout of opening or of its last response,
  else it is closed: uvicorn's own keep-alive timeout starts only after a first response, so a client that
  connects and sends half a header (or nothing) would otherwise be kept for ever.
- SIGTERM: uvicorn stops accepting, waits up to the shutdown timeout for requests in flight, then cancels them.
  Triages still running on their threads (an LLM call that hangs) would keep the process alive until the LLM's
  timeout; the app's shutdown gives them a moment, then the process exits (api.pools.exit_after): their cases
  stay `received`, leased, and the next worker's sweep re-runs them.
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from triage.config import Settings

PROTOCOL = "api.server:HeadTimeoutProtocol"


class HeadTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection idle (or stuck mid-header) for the keep-alive timeout."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._head_timer = self.loop.call_later(self.timeout_keep_alive, self._head_overdue)

    def _head_overdue(self) -> None:
        """No request under way (none yet, or the last one answered) and no complete head since: close."""
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            self.transport.close()


def serve(settings: Settings, *, host: str, port: int, workers: int, log_level: str = "info") -> None:
    # the app is named by import string (several workers import it themselves)
    uvicorn.run(
        "api.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        http=PROTOCOL,
        timeout_keep_alive=settings.idle_timeout_s,
        timeout_graceful_shutdown=settings.shutdown_timeout_s,
    )
