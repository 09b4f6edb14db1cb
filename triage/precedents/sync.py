"""Keeping the precedent index in step with the store, off the request path.

The store is the source of truth. A sweep (a thread of the API process, TRIAGE_PRECEDENTS_WORKER) first compares
every decided case with the index (`reconcile`: what is missing or was embedded from an earlier version is
embedded, what the store no longer has is dropped; again every ten minutes), and every second in between reads
the cases written since it last looked (`poll`) and embeds the new and revised ones; a review only re-tags the
entry's route. Triages never wait
for it: a case is usually a precedent within a second or two of its result, and embedding runs at a low CPU
priority, so on a busy machine the triages get the CPU first. Any number of processes may run the sweep (each
write is idempotent); on one machine a lock file leaves it to one of them, since the embedded Chroma is not
written safely by several processes at once.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # not on Windows: there every process sweeps
    fcntl = None  # type: ignore[assignment]

from triage.notify.worker import lower_priority
from triage.precedents.index import IndexUnavailable, PrecedentIndex
from triage.store.db import Database, iso, utcnow
from triage.store.precedents import Indexed, changed_since, decided_states, documents

log = logging.getLogger(__name__)

POLL_S = 1.0
# A write's updated_at is taken just before its transaction commits, so a poll looks back this far for writes that
# committed after the previous poll but are stamped before it (every case it sees again costs a dictionary lookup).
OVERLAP = timedelta(seconds=10)
RECONCILE_S = 600.0  # and a full comparison this often catches whatever a poll could still miss
EMBED_BATCH = 16  # cases embedded and written per index call (about half a second: shutdown waits for one)
NICE = 19  # the sweep's thread yields the CPU to the triages


class Sync:
    """One process's view of what the index holds, and the reads and writes that bring it up to date."""

    def __init__(self, db: Database, index: PrecedentIndex) -> None:
        self.db = db
        self.index = index
        self.known: dict[str, Indexed] = {}
        self.since: datetime | None = None  # when the last complete pass started; None: reconcile first
        self.reconciled = 0.0  # time.monotonic() of the last reconcile

    def reconcile(self) -> int:
        """Compare every decided case with the index and bring the index up to date; returns the cases embedded."""
        started = utcnow()
        self.index.ensure()
        self.known = self.index.indexed()
        current = dict(decided_states(self.db))
        gone = [case_id for case_id in self.known if case_id not in current]
        self.index.delete(gone)
        for case_id in gone:
            del self.known[case_id]
        embedded = self._apply(current.items())
        self.since, self.reconciled = started, time.monotonic()
        return embedded

    def poll(self) -> int:
        """Bring the index up to date with the cases written since the last pass; returns the cases embedded."""
        if self.since is None or time.monotonic() - self.reconciled > RECONCILE_S:
            return self.reconcile()
        started = utcnow()
        embedded = self._apply(changed_since(self.db, iso(self.since - OVERLAP)))
        self.since = started
        return embedded

    def _apply(self, states: Iterable[tuple[str, Indexed]]) -> int:
        stale: list[str] = []
        routes: dict[str, Indexed] = {}
        for case_id, state in states:
            held = self.known.get(case_id)
            if held is None or held.version != state.version:
                stale.append(case_id)
            elif held.route != state.route:
                routes[case_id] = state
        for start in range(0, len(stale), EMBED_BATCH):
            batch = documents(self.db, stale[start : start + EMBED_BATCH])  # those still decided
            self.index.add(batch)
            self.known.update({d.id: Indexed(d.version, d.route) for d in batch})
        self.index.set_routes({case_id: state.route for case_id, state in routes.items()})
        self.known.update(routes)
        return len(stale)

    def prepare(self) -> None:
        """Load the embedding model and open the index: slow work that holds the interpreter, done before the
        process serves (api.main), so requests never wait behind it, nor the first case page on the model."""
        self.index.embedding_function.warm()
        with contextlib.suppress(
            IndexUnavailable
        ):  # missing or from another model: the sweep, holding the lock, mends it
            self.index.collection()

    def run(self, stop: threading.Event, lock_path: Path) -> None:
        """Sweep until `stop` is set, once this process holds the lock at `lock_path` (it retries while another
        process on the machine holds it). A failed pass is logged and repeated from the same point."""
        lower_priority(NICE)
        lock = None
        while not stop.is_set():
            lock = lock or take_lock(lock_path)
            if lock is not None:
                try:
                    embedded = self.poll()
                    if embedded:
                        log.info("precedent index: %d case(s) embedded", embedded)
                except Exception as exc:
                    log.error("precedent index sweep failed: %s", type(exc).__name__)
            stop.wait(POLL_S)
        if lock is not None:
            lock.close()


def take_lock(path: Path) -> IO[str] | None:
    """An exclusive lock on `path` held while the returned file stays open, or None when another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a")
    if fcntl is None:
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def reindex(db: Database, index: PrecedentIndex) -> int:
    """`triage precedents reindex`: drop the index and embed every decided case again; returns how many."""
    index.rebuild()
    return Sync(db, index).reconcile()
