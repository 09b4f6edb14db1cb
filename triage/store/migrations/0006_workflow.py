"""The review workflow: where a case stands, who holds it, when it is due, the conditions of an approval, and a
comment thread; and the holder's name and email in every key's audited state.

`cases.stage` is the workflow stage (new, in review, awaiting partner, approved, approved with conditions,
rejected, closed), apart from `cases.status`, which is the pipeline's (received, done, failed). A case reviewed
before this migration takes the stage its decision implies; every other case is new. `assigned_to` is a contact's
key id, `due_at` when the contact's answer is due (set by the service from the configured SLA; NULL here),
`conditions` the text a partner sees with an approval. `case_comments` holds each case's thread: `shared` comments
the partner's organisation sees, `internal` notes only contacts see.

What a case and a key show has grown (triage.store.state), so each one gets a `migrated` record in the audit chain
with its state now, and `triage audit verify` keeps passing.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    select,
    text,
    update,
)

from triage.store import audit
from triage.store.db import advisory_lock, canonical_json, iso, utcnow
from triage.store.state import case_state, key_state

ACTOR = "migration"
# the stage a review given before this migration implies (an override changes the route, not the decision)
_STAGE_OF_REVIEW = {
    "approve": "approved",
    "reject": "rejected",
    "request_changes": "awaiting_partner",
    "override": "in_review",
}

metadata = MetaData()

Table(
    "case_comments",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False, autoincrement=False),
    Column("visibility", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("actor_role", String(20), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE cases ADD COLUMN stage VARCHAR(30) NOT NULL DEFAULT 'new'"))
    conn.execute(text("ALTER TABLE cases ADD COLUMN assigned_to VARCHAR(40)"))
    conn.execute(text("ALTER TABLE cases ADD COLUMN due_at VARCHAR(40)"))
    conn.execute(text("ALTER TABLE cases ADD COLUMN conditions TEXT"))
    conn.execute(text("CREATE INDEX ix_cases_stage ON cases (stage)"))
    conn.execute(text("CREATE INDEX ix_cases_assigned ON cases (assigned_to)"))
    conn.execute(text("CREATE INDEX ix_cases_due ON cases (due_at)"))
    reflected = MetaData()
    cases = Table("cases", reflected, autoload_with=conn)  # what the foreign key points at, as it stands now
    Table("api_keys", reflected, autoload_with=conn)
    comments = metadata.tables["case_comments"].to_metadata(reflected)
    reflected.create_all(conn, tables=[comments])
    for decision, stage in _STAGE_OF_REVIEW.items():
        conn.execute(update(cases).where(cases.c.review == decision).values(stage=stage))
    now = iso(utcnow())
    for case_id in conn.scalars(select(cases.c.id).order_by(cases.c.created_at, cases.c.id)).all():
        audit.append(
            conn,
            lock=advisory_lock,
            kind="migrated",
            case_id=case_id,
            actor=ACTOR,
            at=now,
            result_json=canonical_json({"migration": 6}),
            state=case_state(conn, case_id, reach=6),
        )
    keys = reflected.tables["api_keys"]
    for key_id in conn.scalars(select(keys.c.id).order_by(keys.c.created_at, keys.c.id)).all():
        audit.append(
            conn,
            lock=advisory_lock,
            kind="key_migrated",
            actor=ACTOR,
            at=now,
            result_json=canonical_json({"key_id": key_id, "migration": 6}),
            state=key_state(conn, key_id, reach=6),
        )
