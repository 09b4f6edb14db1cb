"""Stored cases: written before extraction runs, so a crash or a failing LLM loses nothing and a case can be re-run.

A case moves received → triaged | failed. Whoever runs the pipeline first *claims* the case (a run token and a
lease in the row), so several stateless API workers sharing one PostgreSQL never triage the same case twice and a
stale worker can never overwrite a newer result. SQLite (the default) serialises writers with BEGIN IMMEDIATE.

Partner text is stored here and nowhere else: log lines name case ids, never text.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import re
import secrets
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

try:
    import fcntl
except ImportError:  # not on Windows: there, threads still queue and processes fall back to SQLite's busy wait
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    make_url,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError

from triage import audit
from triage.answers import append_answers
from triage.config import Settings
from triage.records import Intake, TriageResult

log = logging.getLogger(__name__)

STATUSES = ("received", "triaged", "failed")
DECISIONS = ("approve", "request_changes", "reject", "override")
DEFAULT_LEASE_S = 600  # longer than an LLM call with its retries; an expired lease marks a crashed worker's case
# (Store.open takes the lease from Settings.effective_lease_s: shorter for the lexical extractor, TRIAGE_LEASE_S.)
SYSTEM_ACTOR = "system"
CASE_ID_RE = re.compile(r"c_[0-9a-f]{16}")
READ_ONLY = "triage_read_only"  # execution option: a connection that only reads (see make_engine)
FLUSH_LATER = "triage_flush_later"  # execution option: a write made durable by the next durable commit (see Store)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("org", String(200), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("production_type", String(40)),
    Column("production_title", String(300)),
    Column("route", String(20)),
    Column("approval_required", Boolean),
    Column("result_json", Text),
    Column("error", Text),
    Column("review", String(40)),
    Column("review_route", String(20)),
    Column("review_reason", Text),
    Column("reviewed_by", String(40)),
    Column("reviewed_at", String(40)),
    Column("attempts", Integer, nullable=False),
    Column("run_token", String(40)),
    Column("lease_until", String(40)),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

case_events = Table(
    "case_events",
    metadata,
    Column("case_id", String(40), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(40), nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    Column("data_json", Text, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("bucket", String(100), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", String(40), nullable=False),
)


class StoreError(Exception):
    """A request the store refuses; the message is safe to show (it never contains partner text)."""


class NotFound(StoreError):
    pass


class Conflict(StoreError):
    pass


class TextTooLong(StoreError):
    pass


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """Timestamps are stored as fixed-width UTC text: portable, exact and sortable on every backend."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def input_sha256(text_: str, production_type: str | None, production_title: str | None) -> str:
    """The hash of everything that decides a result: the plan text and the production fields."""
    payload = {"production_title": production_title, "production_type": production_type, "text": text_}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Case:
    id: str
    org: str
    created_by: str
    status: str
    text: str
    production_type: str | None
    production_title: str | None
    route: str | None
    approval_required: bool | None
    result: dict[str, Any] | None
    error: str | None
    review: str | None
    review_route: str | None
    review_reason: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    attempts: int
    created_at: str
    updated_at: str

    @property
    def effective_route(self) -> str | None:
        """A contact's override wins over the engine's route."""
        return self.review_route or self.route

    def intake(self) -> Intake:
        return Intake(text=self.text, production_type=self.production_type, production_title=self.production_title)


@dataclass(frozen=True)
class CaseSummary:
    id: str
    org: str
    status: str
    production_type: str | None
    production_title: str | None
    route: str | None
    approval_required: bool | None
    review: str | None
    review_route: str | None
    created_at: str
    updated_at: str

    @property
    def effective_route(self) -> str | None:
        return self.review_route or self.route


@dataclass(frozen=True)
class Event:
    seq: int
    kind: str
    actor: str
    at: str
    data: dict[str, Any]


def _case(row: Any, result: dict[str, Any] | None = None) -> Case:
    """A case from its row; `result`: the result already parsed, for a row read without its result_json."""
    m = row._mapping
    if "result_json" in m:
        result = json.loads(m["result_json"]) if m["result_json"] else None
    return Case(
        id=m["id"],
        org=m["org"],
        created_by=m["created_by"],
        status=m["status"],
        text=m["text"],
        production_type=m["production_type"],
        production_title=m["production_title"],
        route=m["route"],
        approval_required=m["approval_required"],
        result=result,
        error=m["error"],
        review=m["review"],
        review_route=m["review_route"],
        review_reason=m["review_reason"],
        reviewed_by=m["reviewed_by"],
        reviewed_at=m["reviewed_at"],
        attempts=m["attempts"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


_COLUMNS_BUT_RESULT = [column for column in cases.c if column.name != "result_json"]
_SUMMARY_COLUMNS = [
    cases.c.id,
    cases.c.org,
    cases.c.status,
    cases.c.production_type,
    cases.c.production_title,
    cases.c.route,
    cases.c.approval_required,
    cases.c.review,
    cases.c.review_route,
    cases.c.created_at,
    cases.c.updated_at,
]


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with safe transaction semantics on both backends."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # psycopg 3 is the driver installed, not SQLAlchemy's default psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
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
        # (Store.reader) take a WAL snapshot instead: they must not queue behind writers, nor writers behind them.
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
        self._file = None
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


def _migrations() -> list[tuple[int, str]]:
    names = [p.name for p in resources.files("triage.migrations").iterdir()]
    found = []
    for name in names:
        match = re.fullmatch(r"(\d{4})_(\w+)\.py", name)
        if match:
            found.append((int(match.group(1)), name[:-3]))
    return sorted(found)


class PipelineLike(Protocol):
    def run(self, intake: Intake) -> TriageResult: ...


class Store:
    """All reads and writes of cases, their history and shared settings; each method is one transaction."""

    def __init__(self, engine: Engine, *, lease_s: float = DEFAULT_LEASE_S) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        self.lease_s = lease_s
        # Reads go through `reader`: same pool, but on SQLite a plain snapshot BEGIN, not the writers' lock.
        self.reader = engine.execution_options(**{READ_ONLY: True})
        self._flush_later = engine.execution_options(**{FLUSH_LATER: True})
        self._writers = writer_queue(engine)

    @classmethod
    def open(cls, settings: Settings, *, migrate: bool = True) -> Store:
        store = cls(make_engine(settings.sqlalchemy_url), lease_s=settings.effective_lease_s)
        if migrate:
            store.migrate()
        return store

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
        if self.is_postgres:
            key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    # --- schema -----------------------------------------------------------------------------------------------

    def migrate(self) -> int:
        """Apply the numbered migrations not yet applied; safe when several workers start at once."""
        with self.transaction() as conn:
            self.advisory_lock(conn, "triage.migrate")
            schema_version.create(conn, checkfirst=True)
            applied = set(conn.scalars(select(schema_version.c.version)))
            for version, module_name in _migrations():
                if version in applied:
                    continue
                module = importlib.import_module(f"triage.migrations.{module_name}")
                module.upgrade(conn)
                conn.execute(insert(schema_version).values(version=version, name=module_name, applied_at=iso(utcnow())))
                log.info("applied migration %s", module_name)
            return max(conn.scalars(select(schema_version.c.version)), default=0)

    def schema_version(self) -> int:
        with self.reader.connect() as conn:
            return conn.scalar(select(func.max(schema_version.c.version))) or 0

    def ping(self) -> None:
        """Raises when the database cannot be reached or is not migrated."""
        with self.reader.connect() as conn:
            conn.execute(select(func.count()).select_from(schema_version))

    # --- cases ------------------------------------------------------------------------------------------------

    def _event(self, conn: Connection, case_id: str, kind: str, actor: str, at: str, data: dict[str, Any] | str) -> int:
        """Append to the case's history; `data` may come already as canonical JSON (a result is not re-encoded)."""
        last = conn.scalar(select(func.max(case_events.c.seq)).where(case_events.c.case_id == case_id)) or 0
        data_json = data if isinstance(data, str) else canonical_json(data)
        values = {"case_id": case_id, "seq": last + 1, "kind": kind, "actor": actor, "at": at, "data_json": data_json}
        conn.execute(insert(case_events).values(**values))
        return last + 1

    def _locked_case(self, conn: Connection, case_id: str, org: str | None = None) -> Case:
        if not CASE_ID_RE.fullmatch(case_id):
            raise NotFound("case not found")
        query = select(cases).where(cases.c.id == case_id).with_for_update()
        if org is not None:
            query = query.where(cases.c.org == org)
        row = conn.execute(query).first()
        if row is None:
            raise NotFound("case not found")
        return _case(row)

    def create_case(self, intake: Intake, *, org: str, actor: str) -> tuple[Case, str]:
        """Store a new case as received, already claimed by the caller (who runs the pipeline next)."""
        now = utcnow()
        case_id = "c_" + secrets.token_hex(8)
        token = secrets.token_hex(16)
        production_type = intake.production_type.value if intake.production_type else None
        case = Case(
            id=case_id,
            org=org,
            created_by=actor,
            status="received",
            text=intake.text,
            production_type=production_type,
            production_title=intake.production_title,
            route=None,
            approval_required=None,
            result=None,
            error=None,
            review=None,
            review_route=None,
            review_reason=None,
            reviewed_by=None,
            reviewed_at=None,
            attempts=1,
            created_at=iso(now),
            updated_at=iso(now),
        )
        sha = input_sha256(intake.text, production_type, intake.production_title)
        submitted = canonical_json({"input_sha256": sha, "chars": len(intake.text)})
        # Not durable yet: the caller is told the case exists only after a durable write (its result or failure).
        with self.transaction(durable=False) as conn:
            conn.execute(
                insert(cases).values(
                    id=case_id,
                    org=org,
                    created_by=actor,
                    status="received",
                    text=intake.text,
                    production_type=production_type,
                    production_title=intake.production_title,
                    attempts=1,
                    run_token=token,
                    lease_until=iso(now + timedelta(seconds=self.lease_s)),
                    created_at=case.created_at,
                    updated_at=case.updated_at,
                )
            )
            # a new case's history starts at 1 (no need to look for a last entry)
            conn.execute(
                insert(case_events).values(
                    case_id=case_id, seq=1, kind="submitted", actor=actor, at=case.created_at, data_json=submitted
                )
            )
        log.info("case %s received (%d chars)", case_id, len(intake.text))
        return case, token

    def get_case(self, case_id: str, *, org: str | None = None) -> Case | None:
        """The case, or None when it does not exist or belongs to another organisation than `org`."""
        if not CASE_ID_RE.fullmatch(case_id):
            return None  # not an id at all (a NUL byte would even be an error on PostgreSQL)
        query = select(cases).where(cases.c.id == case_id)
        if org is not None:
            query = query.where(cases.c.org == org)
        with self.reader.connect() as conn:
            row = conn.execute(query).first()
        return _case(row) if row else None

    def _filters(
        self,
        *,
        org: str | None,
        route: str | None = None,
        status: str | None = None,
        review: str | None = None,
        production: str | None = None,
    ) -> list[Any]:
        where: list[Any] = []
        if org is not None:
            where.append(cases.c.org == org)
        if route is not None:
            where.append(func.coalesce(cases.c.review_route, cases.c.route) == route)
        if status is not None:
            where.append(cases.c.status == status)
        if review == "none":
            where.append(cases.c.review.is_(None))
        elif review is not None:
            where.append(cases.c.review == review)
        if production is not None:
            where.append(cases.c.production_type == production)
        return where

    def list_cases(
        self,
        *,
        org: str | None = None,
        route: str | None = None,
        status: str | None = None,
        review: str | None = None,
        production: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[CaseSummary], int]:
        """One page of cases, newest first, and how many match in all. `review="none"` means not reviewed yet."""
        where = self._filters(org=org, route=route, status=status, review=review, production=production)
        with self.reader.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(cases).where(*where)) or 0
            rows = conn.execute(
                select(*_SUMMARY_COLUMNS)
                .where(*where)
                .order_by(cases.c.created_at.desc(), cases.c.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
        return [CaseSummary(**row._mapping) for row in rows], total

    def counts(self, *, org: str | None = None) -> dict[str, dict[str, int]]:
        """Cases by (effective) route, status and review, for a queue's headline numbers."""
        where = self._filters(org=org)
        route = func.coalesce(cases.c.review_route, cases.c.route)
        review = func.coalesce(cases.c.review, "none")
        out: dict[str, dict[str, int]] = {}
        with self.reader.connect() as conn:
            for name, column in (("route", route), ("status", cases.c.status), ("review", review)):
                rows = conn.execute(select(column, func.count()).where(*where).group_by(column)).all()
                out[name] = {str(key): n for key, n in rows if key is not None}
        return out

    def history(self, case_id: str) -> list[Event]:
        with self.reader.connect() as conn:
            rows = conn.execute(
                select(case_events).where(case_events.c.case_id == case_id).order_by(case_events.c.seq)
            ).all()
        return [Event(seq=r.seq, kind=r.kind, actor=r.actor, at=r.at, data=json.loads(r.data_json)) for r in rows]

    def claim(self, case_id: str, *, statuses: Sequence[str] = ("failed", "received")) -> str | None:
        """Take the right to run the pipeline on a failed case, or on a received one whose runner's lease expired."""
        if not CASE_ID_RE.fullmatch(case_id):
            return None
        now = utcnow()
        token = secrets.token_hex(16)
        with self.transaction() as conn:
            result = conn.execute(
                update(cases)
                .where(
                    cases.c.id == case_id,
                    cases.c.status.in_(list(statuses)),
                    or_(cases.c.lease_until.is_(None), cases.c.lease_until < iso(now)),
                )
                .values(
                    status="received",
                    run_token=token,
                    lease_until=iso(now + timedelta(seconds=self.lease_s)),
                    attempts=cases.c.attempts + 1,
                    updated_at=iso(now),
                )
            )
            if result.rowcount != 1:
                return None
        return token

    def pending(self, *, max_attempts: int = 3, limit: int = 100) -> list[str]:
        """Cases to re-run: failed ones with attempts left, and received ones whose runner's lease expired."""
        now = iso(utcnow())
        with self.reader.connect() as conn:
            return list(
                conn.scalars(
                    select(cases.c.id)
                    .where(
                        cases.c.attempts < max_attempts,
                        or_(cases.c.status == "failed", cases.c.status == "received"),
                        or_(cases.c.lease_until.is_(None), cases.c.lease_until < now),
                    )
                    .order_by(cases.c.created_at)
                    .limit(limit)
                )
            )

    def stuck(self, *, max_attempts: int = 3, limit: int = 100) -> list[str]:
        """Received cases whose runs were all interrupted (a worker died each time): no attempts left to sweep."""
        now = iso(utcnow())
        with self.reader.connect() as conn:
            return list(
                conn.scalars(
                    select(cases.c.id)
                    .where(
                        cases.c.attempts >= max_attempts,
                        cases.c.status == "received",
                        or_(cases.c.lease_until.is_(None), cases.c.lease_until < now),
                    )
                    .order_by(cases.c.created_at)
                    .limit(limit)
                )
            )

    def complete(
        self, case_id: str, token: str, result: TriageResult, *, actor: str, actor_role: str, latency_us: int
    ) -> Case | None:
        """Record a result and its audit record in one transaction; None when a newer run superseded this one."""
        now = iso(utcnow())
        result = result.model_copy(update={"case_id": case_id})
        payload = result.model_dump(mode="json")
        result_json = canonical_json(payload)
        with self.transaction() as conn:
            # only if this run still holds the case; the row comes back as written (without the result: we have it)
            row = conn.execute(
                update(cases)
                .where(cases.c.id == case_id, cases.c.run_token == token)
                .values(
                    status="triaged",
                    route=result.route,
                    approval_required=result.approval_required,
                    result_json=result_json,
                    error=None,
                    run_token=None,
                    lease_until=None,
                    updated_at=now,
                )
                .returning(*_COLUMNS_BUT_RESULT)
            ).first()
            if row is None:
                log.warning("case %s: result discarded, a newer run holds the case", case_id)
                return None
            case = _case(row, result=payload)
            record = audit.append(
                conn,
                lock=self.advisory_lock,
                kind="triage",
                case_id=case_id,
                actor=actor,
                actor_role=actor_role,
                input_sha256=input_sha256(case.text, case.production_type, case.production_title),
                result_json=result_json,
                policy_version=result.policy_version,
                prompt_version=result.prompt_version,
                extractor=result.extractor,
                model=result.extractor.split(":", 1)[1] if ":" in result.extractor else None,
                prompt_tokens=result.stats.prompt_tokens,
                completion_tokens=result.stats.completion_tokens,
                latency_us=latency_us,
                at=now,
            )
            # canonical_json({"audit_seq": ..., "result": payload}), without encoding the result a second time
            self._event(conn, case_id, "triaged", actor, now, f'{{"audit_seq":{record.seq},"result":{result_json}}}')
        log.info("case %s triaged: %s", case_id, result.route)
        return case

    def fail(
        self, case_id: str, token: str, error: str, *, actor: str, actor_role: str, latency_us: int
    ) -> Case | None:
        """Mark a run failed (it stays re-runnable) and audit the failure."""
        now = iso(utcnow())
        with self.transaction() as conn:
            row = conn.execute(
                select(cases).where(cases.c.id == case_id, cases.c.run_token == token).with_for_update()
            ).first()
            if row is None:
                return None
            case = _case(row)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(status="failed", error=error, run_token=None, lease_until=None, updated_at=now)
            )
            record = audit.append(
                conn,
                lock=self.advisory_lock,
                kind="triage_failed",
                case_id=case_id,
                actor=actor,
                actor_role=actor_role,
                input_sha256=input_sha256(case.text, case.production_type, case.production_title),
                result_json=canonical_json({"error": error}),
                latency_us=latency_us,
                at=now,
            )
            self._event(conn, case_id, "failed", actor, now, {"error": error, "audit_seq": record.seq})
            case = self._locked_case(conn, case_id)
        log.warning("case %s failed: %s", case_id, error.split(":", 1)[0])
        return case

    def add_answers(
        self,
        case_id: str,
        answers: Sequence[tuple[str, str]],
        *,
        org: str,
        actor: str,
        max_chars: int,
    ) -> tuple[Case, str]:
        """Append the partner's answers to the plan and claim the case for re-triage; the old review no longer holds."""
        now = utcnow()
        token = secrets.token_hex(16)
        with self.transaction() as conn:
            case = self._locked_case(conn, case_id, org)
            if case.status == "received":
                raise Conflict("the case is being triaged; try again in a moment")
            new_text = append_answers(case.text, answers)
            if len(new_text) > max_chars:
                raise TextTooLong(
                    f"with these answers the plan would be {len(new_text)} characters; the limit is {max_chars}"
                )
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(
                    text=new_text,
                    status="received",
                    run_token=token,
                    lease_until=iso(now + timedelta(seconds=self.lease_s)),
                    attempts=1,
                    review=None,
                    review_route=None,
                    review_reason=None,
                    reviewed_by=None,
                    reviewed_at=None,
                    updated_at=iso(now),
                )
            )
            data = {
                "answers": [{"question": q, "answer": a} for q, a in answers],
                "input_sha256": input_sha256(new_text, case.production_type, case.production_title),
                "previous_review": case.review,
            }
            self._event(conn, case_id, "answers", actor, iso(now), data)
            case = self._locked_case(conn, case_id)
        return case, token

    def add_review(
        self, case_id: str, *, decision: str, route: str | None, reason: str, actor: str, actor_role: str
    ) -> Case:
        """A contact's decision on a triaged (or failed) case, audited like a triage."""
        if decision not in DECISIONS:
            raise StoreError(f"unknown decision {decision!r}")
        if (decision == "override") != (route is not None):
            raise StoreError("a route is given with an override, and only then")
        now = iso(utcnow())
        with self.transaction() as conn:
            case = self._locked_case(conn, case_id)
            if case.status == "received":
                raise Conflict("the case is being triaged; review it once it has a result")
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(
                    review=decision,
                    review_route=route,
                    review_reason=reason,
                    reviewed_by=actor,
                    reviewed_at=now,
                    updated_at=now,
                )
            )
            review = {"decision": decision, "route": route, "reason": reason, "engine_route": case.route}
            record = audit.append(
                conn,
                lock=self.advisory_lock,
                kind="review",
                case_id=case_id,
                actor=actor,
                actor_role=actor_role,
                input_sha256=input_sha256(case.text, case.production_type, case.production_title),
                result_json=canonical_json(review),
                policy_version=(case.result or {}).get("policy_version"),
                at=now,
            )
            self._event(conn, case_id, "review", actor, now, {**review, "audit_seq": record.seq})
            case = self._locked_case(conn, case_id)
        log.info("case %s reviewed: %s", case_id, decision)
        return case

    # --- shared settings and counters -------------------------------------------------------------------------

    def secret(self, name: str) -> str:
        """A random secret shared by every worker (e.g. for signing session cookies), created on first use."""
        key = f"secret:{name}"
        with self.reader.connect() as conn:
            value = conn.scalar(select(meta.c.value).where(meta.c.key == key))
        if value:
            return value
        try:
            with self.transaction() as conn:
                conn.execute(insert(meta).values(key=key, value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # another worker created it first
        with self.reader.connect() as conn:
            return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one()

    def hit(self, subject: str, *, limit: int, window_s: int = 60) -> int:
        """Count one request in `subject`'s current window; return 0 if allowed, else seconds until the next window."""
        now = time.time()
        window = int(now // window_s)
        bucket = f"{subject}:{window}"
        expires = iso(datetime.fromtimestamp((window + 1) * window_s, UTC))
        for _ in range(3):
            try:
                with self.transaction(durable=False) as conn:  # a count lost in a power cut harms no one
                    count = conn.scalar(
                        update(rate_limits)
                        .where(rate_limits.c.bucket == bucket)
                        .values(count=rate_limits.c.count + 1)
                        .returning(rate_limits.c.count)
                    )
                    if count is None:  # the window's first request: drop the subject's expired windows
                        conn.execute(
                            rate_limits.delete().where(
                                rate_limits.c.bucket.like(f"{subject}:%"), rate_limits.c.expires_at < iso(utcnow())
                            )
                        )
                        conn.execute(insert(rate_limits).values(bucket=bucket, count=1, expires_at=expires))
                        count = 1
                break
            except IntegrityError:
                continue  # a concurrent first hit inserted the bucket; count again
        else:
            return 0
        if count > limit:
            return max(1, int((window + 1) * window_s - now))
        return 0


def _error_message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def run_case(
    store: Store,
    pipeline: PipelineLike,
    case_id: str,
    token: str,
    *,
    actor: str,
    actor_role: str,
    case: Case | None = None,
) -> Case | None:
    """Run the pipeline on a claimed case and record the outcome; an exception marks the case failed, not lost.

    `case`: the case as the claim left it, when the caller has it (saves reading it again).
    """
    if case is None or case.id != case_id:
        case = store.get_case(case_id)
    if case is None:
        raise NotFound("case not found")
    started = time.perf_counter()
    try:
        result = pipeline.run(case.intake())
        if not isinstance(result, TriageResult):
            raise TypeError(f"the pipeline returned {type(result).__name__}, not a TriageResult")
    except Exception as exc:
        latency_us = int((time.perf_counter() - started) * 1e6)
        # the frames, not the message: an exception's message may quote the partner's text
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("case %s: the pipeline raised %s\n%s", case_id, type(exc).__name__, frames)
        return store.fail(
            case_id, token, _error_message(exc), actor=actor, actor_role=actor_role, latency_us=latency_us
        )
    latency_us = int((time.perf_counter() - started) * 1e6)
    return store.complete(case_id, token, result, actor=actor, actor_role=actor_role, latency_us=latency_us)


def submit(store: Store, pipeline: PipelineLike, intake: Intake, *, org: str, actor: str, actor_role: str) -> Case:
    """Store the case first, then triage it: whatever happens during extraction, the case is kept."""
    case, token = store.create_case(intake, org=org, actor=actor)
    done = run_case(store, pipeline, case.id, token, actor=actor, actor_role=actor_role, case=case)
    return done or store.get_case(case.id) or case


def rerun(store: Store, pipeline: PipelineLike, case_id: str, *, actor: str, actor_role: str) -> Case | None:
    """Re-run one failed (or abandoned) case; None when it is not re-runnable right now."""
    token = store.claim(case_id)
    if token is None:
        return None
    return run_case(store, pipeline, case_id, token, actor=actor, actor_role=actor_role)


def rerun_pending(
    store: Store, pipeline: PipelineLike, *, max_attempts: int = 3, limit: int = 100, actor: str = SYSTEM_ACTOR
) -> list[str]:
    """Re-run cases a crash or a failing LLM left behind (call at start-up); returns the ids this call re-ran."""
    done = []
    for case_id in store.pending(max_attempts=max_attempts, limit=limit):
        if rerun(store, pipeline, case_id, actor=actor, actor_role="system") is not None:
            done.append(case_id)
    if done:
        log.info("re-ran %d pending case(s)", len(done))
    for case_id in store.stuck(max_attempts=max_attempts, limit=limit):  # say so, instead of "received" forever
        token = store.claim(case_id, statuses=("received",))
        if token is not None:
            reason = f"every one of its {max_attempts} runs was interrupted; re-run it by hand once the cause is fixed"
            store.fail(case_id, token, reason, actor=actor, actor_role="system", latency_us=0)
            log.warning("gave up re-running case %s after %d interrupted runs", case_id, max_attempts)
    return done
