"""The audit trail: one append-only, hash-chained record per triage, failed triage, review, answers and key event.

Each record carries the sha256 of the previous one, so editing or deleting any record breaks the chain at that
point; the newest record's hash is also kept as the chain's head, so deleting records from the end shows too.
Appends take a lock first (a PostgreSQL advisory lock; SQLite writers are serial), and `seq` is the primary key,
so concurrent writers can never fork the chain. Only text and integers are hashed: they read back exactly the
same on every backend.

Each record also carries the visible state of its case or key after the change (triage.store.state), so the
tables can be checked against the chain (triage.store.integrity). This catches edits by anyone who cannot also
rewrite every later hash and the head. To catch a rewrite of the whole chain, copy the head (`triage audit head`)
somewhere the database's writers cannot reach and check against it (`triage audit verify --expect-head`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from triage.store.db import canonical_json
from triage.store.schema import audit_log, meta

GENESIS = "0" * 64
HEAD_KEY = "audit:head"

# Fields added after the first records were written are hashed only when set, so older records keep their hashes.
ADDED_FIELDS = ("state_json",)
HASHED_FIELDS = tuple(c.name for c in audit_log.columns if c.name != "hash")


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    kind: str
    case_id: str | None
    actor: str
    actor_role: str | None
    input_sha256: str | None
    result_json: str | None
    policy_version: str | None
    prompt_version: str | None
    extractor: str | None
    model: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    latency_us: int | None
    prev_hash: str
    hash: str
    state_json: str | None = None

    @property
    def result(self) -> Any:
        return json.loads(self.result_json) if self.result_json else None

    @property
    def state(self) -> dict[str, Any] | None:
        return json.loads(self.state_json) if self.state_json else None


def record_hash(values: dict[str, Any]) -> str:
    """sha256 over the canonical JSON of every field but the hash itself (the previous hash included)."""
    payload = {
        name: values.get(name) for name in HASHED_FIELDS if name not in ADDED_FIELDS or values.get(name) is not None
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def input_sha256(text: str, production_type: str | None, production_title: str | None) -> str:
    """The hash of everything that decides a result: the plan text and the production fields."""
    payload = {"production_title": production_title, "production_type": production_type, "text": text}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _last(conn: Connection) -> tuple[int, str]:
    """The newest record's seq and hash, (0, GENESIS) for an empty chain."""
    last = conn.execute(select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
    return (last.seq, last.hash) if last else (0, GENESIS)


def next_seq(conn: Connection, *, lock: Callable[[Connection, str], None]) -> int:
    """Take the chain's lock until commit and say which seq the next `append` in this transaction gets (for a
    change that must name its record, such as a history entry written before the record)."""
    lock(conn, "triage.audit")
    return _last(conn)[0] + 1


def append(
    conn: Connection,
    *,
    lock: Callable[[Connection, str], None],
    kind: str,
    actor: str,
    at: str,
    case_id: str | None = None,
    actor_role: str | None = None,
    input_sha256: str | None = None,
    result_json: str | None = None,
    policy_version: str | None = None,
    prompt_version: str | None = None,
    extractor: str | None = None,
    model: str | None = None,
    prompt_tokens: int | None = None,
    completion_tokens: int | None = None,
    latency_us: int | None = None,
    state: dict[str, Any] | None = None,
) -> AuditRecord:
    """Append one record inside the caller's transaction, so the record and the change it audits commit together.

    Args:
        conn: the caller's open write transaction.
        lock: takes a named lock until commit (Database.advisory_lock), so concurrent appends never fork the chain.
        kind: triage, triage_failed, review, answers, key_created or key_revoked.
        actor: who acted; `at`: when (iso text).
        case_id, actor_role, input_sha256, result_json, policy_version, prompt_version, extractor, model,
            prompt_tokens, completion_tokens, latency_us: the record's fields, stored and hashed as given.
        state: the case's or key's visible state after the change (triage.store.state).
    """
    lock(conn, "triage.audit")
    last_seq, prev_hash = _last(conn)
    seq = last_seq + 1
    values: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "case_id": case_id,
        "actor": actor,
        "actor_role": actor_role,
        "input_sha256": input_sha256,
        "result_json": result_json,
        "policy_version": policy_version,
        "prompt_version": prompt_version,
        "extractor": extractor,
        "model": model,
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "latency_us": latency_us,
        "prev_hash": prev_hash,
        "state_json": None if state is None else canonical_json(state),
    }
    values["hash"] = record_hash(values)
    conn.execute(insert(audit_log).values(**values))
    head = f"{seq}:{values['hash']}"
    if conn.execute(update(meta).where(meta.c.key == HEAD_KEY).values(value=head)).rowcount == 0:
        conn.execute(insert(meta).values(key=HEAD_KEY, value=head))
    return AuditRecord(**values)


def head(conn: Connection) -> str | None:
    """The chain's head as `seq:hash` (the value to keep outside the database), None for an empty chain."""
    return conn.scalar(select(meta.c.value).where(meta.c.key == HEAD_KEY))


def latest(conn: Connection, case_id: str) -> AuditRecord | None:
    """The case's newest audit record: what a printed record of the case can be checked against."""
    row = conn.execute(
        select(audit_log).where(audit_log.c.case_id == case_id).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return None if row is None else AuditRecord(**row._mapping)


def records(conn: Connection, *, case_id: str | None = None) -> list[AuditRecord]:
    query = select(audit_log).order_by(audit_log.c.seq)
    if case_id is not None:
        query = query.where(audit_log.c.case_id == case_id)
    return [AuditRecord(**row._mapping) for row in conn.execute(query)]


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    message: str
    first_bad_seq: int | None = None
    head: str | None = None


def verify(conn: Connection) -> Verification:
    """Walk the chain from the first record; name the first record that was edited, deleted or reordered."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    stream = conn.execution_options(yield_per=1000).execute(select(audit_log).order_by(audit_log.c.seq))
    for row in stream:
        values = dict(row._mapping)
        seq = values["seq"]
        where = f"audit record #{seq}" + (f" (case {values['case_id']})" if values["case_id"] else "")
        if seq != expected_seq:
            missing = f"#{expected_seq}" if seq == expected_seq + 1 else f"#{expected_seq}–#{seq - 1}"
            return Verification(
                False, checked, f"audit record {missing} was deleted (the chain jumps to #{seq})", expected_seq
            )
        if values["prev_hash"] != prev_hash:
            return Verification(False, checked, f"{where} does not follow the record before it", seq)
        if record_hash(values) != values["hash"]:
            return Verification(False, checked, f"{where} was edited: its content does not match its hash", seq)
        prev_hash, expected_seq, checked = values["hash"], seq + 1, checked + 1
    head_value = head(conn)
    last = f"{expected_seq - 1}:{prev_hash}" if checked else None
    if head_value != last:
        head_seq = int(head_value.split(":", 1)[0]) if head_value else None
        if head_seq is not None and head_seq >= expected_seq:
            return Verification(
                False,
                checked,
                f"audit record #{expected_seq} was deleted (the chain's head is #{head_seq})",
                expected_seq,
                head_value,
            )
        return Verification(
            False, checked, "the chain's head does not match its last record", expected_seq - 1, head_value
        )
    if not checked:
        return Verification(True, 0, "the audit trail is empty")
    return Verification(True, checked, f"{checked} audit records verified; head #{last}", None, last)
