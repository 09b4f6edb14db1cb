"""The engine factory, the write queue and the transaction helpers every repository in this package shares.

SQLite (the default) serialises writers with BEGIN IMMEDIATE, queued by `WriterQueue`; reads take a WAL snapshot.
PostgreSQL needs neither, and serialises one kind of write across workers with advisory locks.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # not on Windows: there, threads still queue and processes fall back to SQLite's busy wait
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text

READ_ONLY = "triage_read_only"  # execution option: a connection that only reads (see make_engine)
FLUSH_LATER = "triage_flush_later"  # execution option: a write made durable by the next durable commit (see Database)


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """Timestamps are stored as fixed-width UTC text: portable, exact and sortable on every backend."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def database_url(url: str) -> Any:
    """The URL SQLAlchemy should use: `postgres://` spelled out, and psycopg 3 (the driver installed) for PostgreSQL."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # SQLAlchemy's default would be psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with safe transaction semantics on both backends."""
    parsed = database_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"timeout": 30, **kwargs.pop("connect_args", {})}
    engine = create_engine(parsed, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        # Take transaction control from pysqlite so BEGIN IMMEDIATE below really starts every transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=FULL")  # every commit reaches the disk (WAL's default is FULL too)
        cursor.close()
        record.info["synchronous"] = "FULL"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers queue for the lock at BEGIN instead of failing mid-transaction on an upgrade to write. Reads
        # (Database.reader) take a WAL snapshot instead: they must not queue behind writers, nor writers behind them.
        options = conn.get_execution_options()
        if options.get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
            return
        # NORMAL skips the fsync at commit only (checkpoints still sync): the frames reach the disk with the next
        # FULL commit's fsync of the same WAL file. Set outside a transaction, as SQLite requires.
        wanted = "NORMAL" if options.get(FLUSH_LATER) else "FULL"
        info = conn.connection.info
        if info.get("synchronous") != wanted:
            conn.exec_driver_sql(f"PRAGMA synchronous={wanted}")
            info["synchronous"] = wanted
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class WriterQueue:
    """Hands SQLite's one write lock to one writer at a time: threads queue on a lock, processes on a file lock.

    Without it, every waiting writer polls in SQLite's busy handler, sleeping up to 100 ms between tries while the
    lock sits free: under load most of the time goes to sleeping, and latency to seconds. Queued, a writer starts
    the moment the previous one commits. Writers were serial before; this only changes how they wait. A killed
    process's file lock is released by the kernel. (PostgreSQL needs none of this: it gets a no-op queue.)
    """

    def __init__(self, lock_path: Path | None = None) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._file: IO[bytes] | None = None
        if lock_path is not None and fcntl is not None:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            self._file = lock_path.open("a+b")

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._lock:
            self._depth += 1
            try:
                if self._depth == 1 and self._file is not None:
                    fcntl.flock(self._file, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    if self._depth == 1 and self._file is not None:
                        fcntl.flock(self._file, fcntl.LOCK_UN)
            finally:
                self._depth -= 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def writer_queue(engine: Engine) -> WriterQueue:
    """A queue for a file-backed SQLite database (its lock file sits beside it), else one that never waits."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return WriterQueue()
    database = Path(engine.url.database)
    return WriterQueue(database.with_name(database.name + ".writer-lock"))


class Database:
    """One engine with its read-only view and its write queue; repositories take one of these."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        # Reads go through `reader`: same pool, but on SQLite a plain snapshot BEGIN, not the writers' lock.
        self.reader = engine.execution_options(**{READ_ONLY: True})
        self._flush_later = engine.execution_options(**{FLUSH_LATER: True})
        self._writers = writer_queue(engine)

    def close(self) -> None:
        self.engine.dispose()
        self._writers.close()

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Connection]:
        """A write transaction. `durable=False` commits without waiting for the disk (no fsync): for writes whose
        loss in a power cut harms no one, such as a rate-limit count or a case still being triaged (no client has
        been told it was accepted). Both backends log writes in order, so the next durable commit (every result
        is one) makes them durable too; a killed process loses nothing either way.
        """
        with self._writers.turn(), (self.engine if durable else self._flush_later).begin() as conn:
            if not durable and self.is_postgres:
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            yield conn

    def advisory_lock(self, conn: Connection, name: str) -> None:
        """Serialise one kind of write across PostgreSQL workers until commit (SQLite writers are already serial)."""
        advisory_lock(conn, name)


def advisory_lock(conn: Connection, name: str) -> None:
    """Database.advisory_lock for code that has only a connection (a migration)."""
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
