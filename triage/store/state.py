"""What a user can see of a case or an API key, in the form the audit chain records it after every change.

A case's state names every field the API and the pages show (route, result, review, status, error, title, its
organisation) and digests of its plan text, result and whole history (answers and earlier versions included); a
key's state is its row. `triage audit verify` recomputes both from the tables and compares them with each
case's and key's latest audit record.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, select

from triage.store.db import canonical_json
from triage.store.schema import api_keys, case_events, cases

CASE_FIELDS = (
    "org",
    "created_by",
    "status",
    "production_type",
    "production_title",
    "route",
    "approval_required",
    "error",
    "review",
    "review_route",
    "review_reason",
    "reviewed_by",
    "reviewed_at",
    "created_at",
)
KEY_FIELDS = ("id", "key_hash", "role", "org", "label", "created_at", "revoked_at")
# (Named columns, never the whole row: migration 0003 reads these before later migrations add columns.)
IN_FLIGHT = "received"  # a case being run (or waiting for the sweep) shows this status between audited changes


def _sha256(value: str | None) -> str | None:
    return None if value is None else hashlib.sha256(value.encode("utf-8")).hexdigest()


def case_state(conn: Connection, case_id: str) -> dict[str, Any] | None:
    """The case's visible state as stored now, or None when there is no such case."""
    row = conn.execute(
        select(*(cases.c[name] for name in (*CASE_FIELDS, "text", "result_json"))).where(cases.c.id == case_id)
    ).first()
    if row is None:
        return None
    events = conn.execute(
        select(case_events.c.seq, case_events.c.kind, case_events.c.actor, case_events.c.at, case_events.c.data_json)
        .where(case_events.c.case_id == case_id)
        .order_by(case_events.c.seq)
    ).all()
    state: dict[str, Any] = {name: row._mapping[name] for name in CASE_FIELDS}
    state["text_sha256"] = _sha256(row.text)
    state["result_sha256"] = _sha256(row.result_json)
    state["history_sha256"] = _sha256(canonical_json([list(e) for e in events]))
    return state


def key_state(conn: Connection, key_id: str) -> dict[str, Any] | None:
    """The key's row as stored now (its hash, role, organisation, revocation), or None when there is none."""
    row = conn.execute(select(*(api_keys.c[name] for name in KEY_FIELDS)).where(api_keys.c.id == key_id)).first()
    return None if row is None else {name: row._mapping[name] for name in KEY_FIELDS}


def differences(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """The fields whose stored value differs from the recorded one (a case in flight may show `received`)."""
    names = sorted(set(recorded) | set(current))
    return [
        name
        for name in names
        if recorded.get(name) != current.get(name) and not (name == "status" and current.get(name) == IN_FLIGHT)
    ]
