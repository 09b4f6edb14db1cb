"""Integrity of what users see, and server-side sessions.

- `audit_log.state_json`: each record carries the visible state of its case or key after the change it audits,
  so `triage audit verify` can compare the tables with the chain (hashed only when set: older records keep their
  hashes).
- `sessions`: sign-in sessions kept server-side, by the sha256 of the random token in the cookie.
- The session-signing secret that earlier versions generated and kept in `meta` is deleted: nothing signs
  sessions any more.
- Every case and key already stored is adopted into the chain (one `adopted` or `key_adopted` record with its
  state now), so `triage audit verify` checks them from here on. What was changed outside the service before
  this upgrade cannot be told apart: verify the chain before upgrading.

The adoption uses the live audit and state modules (not a frozen copy): they read named columns only, and a
case's answers and versions (migration 0005) only where that migration has already run.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, MetaData, String, Table, inspect, select, text

from triage.store import audit
from triage.store.db import advisory_lock, canonical_json, iso, utcnow
from triage.store.schema import api_keys, cases
from triage.store.state import case_state, key_state

ACTOR = "migration"


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE audit_log ADD COLUMN state_json TEXT"))
    sessions = Table(
        "sessions",
        MetaData(),
        Column("token_hash", String(64), primary_key=True),
        Column("key_id", String(40), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("expires_at", String(40), nullable=False),
        Index("ix_sessions_key", "key_id"),
    )
    sessions.create(conn)
    conn.execute(text("DELETE FROM meta WHERE key = 'secret:session'"))
    now = iso(utcnow())
    with_answers = inspect(conn).has_table("case_versions")  # 0005 ran first (a database from before 0003 shipped)
    for case_id in conn.scalars(select(cases.c.id).order_by(cases.c.created_at, cases.c.id)).all():
        state = case_state(conn, case_id, reach=5 if with_answers else 3)
        audit.append(conn, lock=advisory_lock, kind="adopted", case_id=case_id, actor=ACTOR, at=now, state=state)
    for key_id in conn.scalars(select(api_keys.c.id).order_by(api_keys.c.created_at, api_keys.c.id)).all():
        summary = canonical_json({"key_id": key_id})
        state = key_state(conn, key_id, reach=3)
        audit.append(
            conn, lock=advisory_lock, kind="key_adopted", actor=ACTOR, at=now, result_json=summary, state=state
        )
