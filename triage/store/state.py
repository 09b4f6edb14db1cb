"""What a user can see of a case or an API key, in the form the audit chain records it after every change.

A case's state names every field the API and the pages show (route, result, review, status, error, title, its
organisation, its current version and whether its review is stale, its workflow stage, assignee, due date and
conditions) and digests of its plan text, result, whole history, every version of its plan, every answer it was
given and its comment thread; a key's state is its row. `triage audit verify`
recomputes both from the tables and compares them with each case's and key's latest audit record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, select

from triage.store.db import canonical_json
from triage.store.schema import api_keys, case_answers, case_comments, case_events, case_versions, cases

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
# Added by later migrations: a migration reads a case only with the fields that exist when it runs (`reach`).
# 0005 (answers and plan versions as rows) with digests of the case_versions and case_answers rows; 0006 (the
# review workflow) with a digest of the case_comments rows. (0003 can run after 0005: see `case_state`.)
CASE_FIELDS_0005 = ("version", "review_stale")
CASE_FIELDS_0006 = ("stage", "assigned_to", "due_at", "conditions")
LATEST = 6
VERSION_FIELDS = ("version", "text", "actor", "at")
ANSWER_FIELDS = (
    "seq",
    "version",
    "question_id",
    "use_index",
    "use_summary",
    "facts_json",
    "question",
    "answer",
    "actor",
    "at",
)
KEY_FIELDS = ("id", "key_hash", "role", "org", "label", "created_at", "revoked_at")
KEY_FIELDS_0006 = ("name", "email")  # the columns are 0004's; keys' audited state has them since 0006
COMMENT_FIELDS = ("seq", "visibility", "body", "actor", "actor_role", "at")
# (Named columns, never the whole row: migration 0003 reads these before later migrations add columns.)
IN_FLIGHT = "received"  # a case being run (or waiting for the sweep) shows this status between audited changes


def _sha256(value: str | None) -> str | None:
    return None if value is None else hashlib.sha256(value.encode("utf-8")).hexdigest()


def _rows_sha256(conn: Connection, table: Table, names: Sequence[str], case_id: str, order: str) -> str | None:
    rows = conn.execute(
        select(*(table.c[name] for name in names)).where(table.c.case_id == case_id).order_by(table.c[order])
    ).all()
    return _sha256(canonical_json([list(r) for r in rows]))


def case_state(conn: Connection, case_id: str, *, reach: int = LATEST) -> dict[str, Any] | None:
    """The case's visible state as stored now, or None when there is no such case.

    Args:
        conn: a connection to the migrated database.
        case_id: the case.
        reach: the newest migration whose fields to read (the migration that calls this, when one does): 3 reads
            the fields 0003 knew, 5 adds versions and answers, 6 the workflow and comments.
    """
    fields: tuple[str, ...] = CASE_FIELDS
    if reach >= 5:
        fields += CASE_FIELDS_0005
    if reach >= 6:
        fields += CASE_FIELDS_0006
    row = conn.execute(
        select(*(cases.c[name] for name in (*fields, "text", "result_json"))).where(cases.c.id == case_id)
    ).first()
    if row is None:
        return None
    events = conn.execute(
        select(case_events.c.seq, case_events.c.kind, case_events.c.actor, case_events.c.at, case_events.c.data_json)
        .where(case_events.c.case_id == case_id)
        .order_by(case_events.c.seq)
    ).all()
    state: dict[str, Any] = {name: row._mapping[name] for name in fields}
    state["text_sha256"] = _sha256(row.text)
    state["result_sha256"] = _sha256(row.result_json)
    state["history_sha256"] = _sha256(canonical_json([list(e) for e in events]))
    if reach >= 5:
        state["review_stale"] = bool(row.review_stale)
        state["versions_sha256"] = _rows_sha256(conn, case_versions, VERSION_FIELDS, case_id, "version")
        state["answers_sha256"] = _rows_sha256(conn, case_answers, ANSWER_FIELDS, case_id, "seq")
    if reach >= 6:
        state["comments_sha256"] = _rows_sha256(conn, case_comments, COMMENT_FIELDS, case_id, "seq")
    return state


def key_state(conn: Connection, key_id: str, *, reach: int = LATEST) -> dict[str, Any] | None:
    """The key's row as stored now (its hash, role, organisation, holder, revocation), or None when there is none.

    Args:
        conn: a connection to the migrated database.
        key_id: the key.
        reach: the newest migration whose fields to read (as for `case_state`).
    """
    fields = (*KEY_FIELDS, *KEY_FIELDS_0006) if reach >= 6 else KEY_FIELDS
    row = conn.execute(select(*(api_keys.c[name] for name in fields)).where(api_keys.c.id == key_id)).first()
    return None if row is None else {name: row._mapping[name] for name in fields}


def differences(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """The fields whose stored value differs from the recorded one (a case in flight may show `received`)."""
    names = sorted(set(recorded) | set(current))
    return [
        name
        for name in names
        if recorded.get(name) != current.get(name) and not (name == "status" and current.get(name) == IN_FLIGHT)
    ]
