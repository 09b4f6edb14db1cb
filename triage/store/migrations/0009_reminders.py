"""Due-date reminders: `cases.reminded_due` holds the due date a reminder was queued for, so the sweep queues one
reminder per case and due date, whichever worker runs it (a due date that moves gets its own reminder).

Bookkeeping, not something a user sees: it is not part of a case's audited state (triage.store.state), like a
run's lease.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE cases ADD COLUMN reminded_due VARCHAR(40)"))
