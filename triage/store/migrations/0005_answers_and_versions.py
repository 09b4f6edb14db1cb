"""Answers and plan versions as rows: a case's follow-up answers and every version of its plan, kept apart.

Before this, answers were appended to `cases.text` in a delimited block. The block's format is frozen here (it is
no longer written anywhere): each case's text is split into its plan and its answers, the plan becomes version 1,
and the answers become rows of version 1 with no question id. `cases.version` is the current version;
`cases.review_stale` marks a review given before the plan or its answers last changed (the review is kept).

What a case shows has changed for every case (its plan without the block, its version, answers and staleness,
all part of its audited state since this migration: triage.store.state), so each one gets a `migrated` record in
the audit chain with its state now, and `triage audit verify` keeps passing. (Migration 0003 comes first and adds
the records' state; on a database where this migration ran before 0003 existed, 0003 adopts the cases instead.)
The numbers leave a gap at 0004: the runner applies whatever is not applied yet, in order, and needs no run of
consecutive numbers.
"""

from __future__ import annotations

import re

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
    insert,
    inspect,
    select,
    text,
    update,
)

from triage.store import audit
from triage.store.db import advisory_lock, canonical_json, iso, utcnow
from triage.store.state import case_state

ACTOR = "migration"

metadata = MetaData()

Table(
    "case_versions",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("version", Integer, nullable=False, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "version"),
)

Table(
    "case_answers",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False, autoincrement=False),
    Column("version", Integer, nullable=False),
    Column("question_id", String(40)),
    Column("use_index", Integer),
    Column("use_summary", Text),
    Column("facts_json", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)

# the in-band format as it was written up to migration 0004, read here once and never again
_HEADER = "--- Answers to follow-up questions ---"
_FOOTER = "--- End of answers ---"
_BLOCK = re.compile(r"\n*" + re.escape(_HEADER) + r"\n(?P<body>.*?)\n" + re.escape(_FOOTER), re.DOTALL)


def _split(stored: str) -> tuple[str, list[tuple[str, str]]]:
    pairs: list[tuple[str, str]] = []
    for block in _BLOCK.finditer(stored):
        question = ""
        for entry in re.split(r"\n(?=Q: |A: )", block.group("body")):
            lines = "\n".join(line.strip() for line in entry[3:].split("\n") if line.strip())
            if entry.startswith("Q: "):
                question = lines
            elif entry.startswith("A: "):
                pairs.append((question, lines))
                question = ""
    return _BLOCK.sub("", stored).rstrip(), pairs


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))
    conn.execute(text("ALTER TABLE cases ADD COLUMN review_stale BOOLEAN NOT NULL DEFAULT FALSE"))
    reflected = MetaData()
    cases = Table("cases", reflected, autoload_with=conn)  # what the foreign keys point at, as it stands now
    versions = metadata.tables["case_versions"].to_metadata(reflected)
    answers = metadata.tables["case_answers"].to_metadata(reflected)
    reflected.create_all(conn, tables=[versions, answers])
    moved: dict[str, int] = {}
    rows = conn.execute(
        select(cases.c.id, cases.c.text, cases.c.created_by, cases.c.created_at).order_by(
            cases.c.created_at, cases.c.id
        )
    ).all()
    for row in rows:
        plan, pairs = _split(row.text)
        moved[row.id] = len(pairs)
        if plan != row.text:
            conn.execute(update(cases).where(cases.c.id == row.id).values(text=plan))
        conn.execute(
            insert(versions).values(case_id=row.id, version=1, text=plan, actor=row.created_by, at=row.created_at)
        )
        for seq, (question, answer) in enumerate(pairs, start=1):
            conn.execute(
                insert(answers).values(
                    case_id=row.id,
                    seq=seq,
                    version=1,
                    facts_json="[]",
                    question=question,
                    answer=answer,
                    actor=row.created_by,
                    at=row.created_at,
                )
            )
    if "state_json" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}:
        return  # 0003 has not run yet: it adopts every case, answers and versions included
    now = iso(utcnow())
    for case_id, count in moved.items():
        audit.append(
            conn,
            lock=advisory_lock,
            kind="migrated",
            case_id=case_id,
            actor=ACTOR,
            at=now,
            result_json=canonical_json({"migration": 5, "answers_moved": count}),
            state=case_state(conn, case_id, reach=5),
        )
