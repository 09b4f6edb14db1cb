"""Integrity of what users see, and server-side sessions.

- `audit_log.state_json`: each record carries the visible state of its case or key after the change it audits,
  so `triage audit verify` can compare the tables with the chain (hashed only when set: older records keep their
  hashes).
- `sessions`: sign-in sessions kept server-side, by the sha256 of the random token in the cookie.
- The session-signing secret that earlier versions generated and kept in `meta` is deleted: nothing signs
  sessions any more.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, MetaData, String, Table, text


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
