"""An index for the contact queue: the newest cases across every organisation, first page without a full scan."""

from __future__ import annotations

from sqlalchemy import Connection, text


def upgrade(conn: Connection) -> None:
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_cases_created ON cases (created_at, id)"))
