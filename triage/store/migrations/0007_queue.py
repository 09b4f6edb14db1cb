"""The contacts' queue: each case's triggers as rows (to filter by), the indexes the queue's order and filters use,
and full-text search over the title and plan on PostgreSQL.

`case_triggers` mirrors the triggers of each case's stored result (`cases.result_json`, which the audit chain
covers); it is derived index data, not state a user sees, so it is not in the audited state: `triage audit
verify` checks it against the results instead. It is filled here from the results already stored, and by every
triage from now on.

Search on PostgreSQL uses a GIN index over `to_tsvector('simple', title || ' ' || plan)`: plans come in five
languages, and a language's configuration would stem every plan by one language's rules and drop its stop
words; 'simple' only lowercases, so a word matches alike in English, Spanish, French, Portuguese and German.
SQLite has no such index: it searches by substring.
"""

from __future__ import annotations

import json

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    insert,
    select,
    text,
)

metadata = MetaData()

Table(
    "case_triggers",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("trigger", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "trigger"),
)

INDEXES = (
    "CREATE INDEX ix_case_triggers_trigger ON case_triggers (trigger, case_id)",
    # the queue's default order is overdue, approval required, oldest: each tier walks one of these in order
    "CREATE INDEX ix_cases_approval_created ON cases (approval_required, created_at, id)",
    "CREATE INDEX ix_cases_org_approval_created ON cases (org, approval_required, created_at, id)",
    # overdue ids without reading the wide rows: due dates with what the tier filters and sorts on
    "CREATE INDEX ix_cases_due_clock ON cases (due_at, stage, created_at, id)",
    # the headline counts read this narrow index instead of every row (an index-only scan on PostgreSQL)
    "CREATE INDEX ix_cases_headline ON cases "
    "(org, status, route, review_route, review_stale, review, stage, due_at, approval_required)",
)
SEARCH_INDEX = (
    "CREATE INDEX ix_cases_search ON cases USING gin "
    "(to_tsvector('simple'::regconfig, coalesce(production_title, '') || ' ' || text))"
)


def upgrade(conn: Connection) -> None:
    reflected = MetaData()
    cases = Table("cases", reflected, autoload_with=conn)
    triggers = metadata.tables["case_triggers"].to_metadata(reflected)
    reflected.create_all(conn, tables=[triggers])
    for statement in INDEXES:
        conn.execute(text(statement))
    if conn.dialect.name == "postgresql":
        conn.execute(text(SEARCH_INDEX))
    stored = conn.execute(select(cases.c.id, cases.c.result_json).where(cases.c.result_json.is_not(None)))
    rows = [
        {"case_id": case_id, "trigger": trigger}
        for case_id, result_json in stored
        for trigger in sorted(set(json.loads(result_json).get("triggers") or []))
    ]
    if rows:
        conn.execute(insert(triggers), rows)
