"""An index for the precedent index's sweep (triage.precedents.sync): the cases changed since it last looked."""

from __future__ import annotations

from sqlalchemy import Connection, text


def upgrade(conn: Connection) -> None:
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_cases_updated ON cases (updated_at)"))
