"""The queue on SQLite and PostgreSQL: filters, search, the default order, pages by offset and by cursor, and the
trigger index that migration 0007 fills from the stored results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select, text, update
from triage_support import BACKENDS, FakePipeline, open_store

from triage.records import Intake
from triage.service import submit
from triage.store import integrity, migrations, queue
from triage.store.cases import Store
from triage.store.db import iso, make_engine, utcnow
from triage.store.errors import InvalidInput
from triage.store.queue import Filters, search_words
from triage.store.schema import case_triggers, cases, schema_version

VOICE = "We will clone the lead actor's voice for the final mix of the documentary."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with open_store(request.param, tmp_path) as s:
        yield s


def add(store: Store, text: str, *, org: str = "acme", title: str | None = None) -> str:
    intake = Intake(text=text, production_title=title)
    return submit(store, FakePipeline(), intake, org=org, actor="k1", actor_role="partner").id


def ids(store: Store, **kwargs) -> list[str]:
    sort = kwargs.pop("sort", "priority")
    return [c.id for c in queue.list_cases(store, Filters(**kwargs), sort=sort, limit=100).rows]


def set_row(store: Store, case_id: str, **values) -> None:
    with store.transaction() as conn:
        conn.execute(update(cases).where(cases.c.id == case_id).values(**values))


def test_filters_paginate_scope_by_org_and_count(store: Store) -> None:
    for i in range(5):
        add(store, f"Mood board {i} from stock images.")
    documentary = submit(
        store, FakePipeline(), Intake(text=VOICE, production_type="documentary"), org="acme", actor="k1",
        actor_role="partner",
    )  # fmt: skip
    other = add(store, VOICE, org="globex")

    first = queue.list_cases(store, Filters(org="acme"), limit=4)
    assert first.total == 6 and len(first.rows) == 4 and first.next_cursor
    second = queue.list_cases(store, Filters(org="acme"), limit=4, offset=4)
    assert len(second.rows) == 2 and not {c.id for c in first.rows} & {c.id for c in second.rows}
    assert second.next_cursor is None
    assert all(c.org == "acme" for c in first.rows + second.rows)
    assert ids(store, org="acme", route="escalate") == [documentary.id]
    assert queue.count(store, Filters(production="documentary")) == 1
    assert queue.count(store, Filters(status="triaged")) == 7
    assert queue.count(store, Filters(review="none")) == 7
    assert ids(store, org="globex") == [other]

    counts = queue.counts(store, scope="acme")
    assert counts["route"] == {"notify": 5, "escalate": 1}
    assert counts["status"] == {"triaged": 6}
    assert counts["queue"] == {"overdue": 0, "approval_required": 1}
    assert queue.counts(store)["route"]["escalate"] == 2


def test_the_default_order_is_overdue_then_approval_then_oldest(store: Store) -> None:
    plain_old, approval_old, overdue_new, paused, plain_new, approval_new = (
        add(store, text) for text in ("Mood board A.", VOICE, "Mood board B.", "Mood board C.", "Mood board D.", VOICE)
    )
    past = iso(utcnow() - timedelta(days=1))
    set_row(store, overdue_new, due_at=past, stage="in_review")
    set_row(store, paused, stage="awaiting_partner")  # awaiting the partner clears the due date: the clock is paused
    set_row(store, plain_new, due_at=iso(utcnow() + timedelta(days=1)))  # due, not yet overdue
    expected = [overdue_new, approval_old, approval_new, plain_old, paused, plain_new]
    assert ids(store) == expected
    assert ids(store, sort="newest") == list(
        reversed([plain_old, approval_old, overdue_new, paused, plain_new, approval_new])
    )
    page = queue.list_cases(store, limit=100)
    flags = {c.id: (c.overdue, c.approval_required) for c in page.rows}
    assert flags[overdue_new] == (True, False) and flags[paused] == (False, False) and flags[approval_old][1]

    # every page size walks the same order, by offset and by cursor alike
    for size in (1, 2, 4):
        by_offset = [c.id for o in range(0, 6, size) for c in queue.list_cases(store, limit=size, offset=o).rows]
        by_cursor, cursor = [], None
        while True:
            found = queue.list_cases(store, limit=size, cursor=cursor)
            by_cursor += [c.id for c in found.rows]
            if not (cursor := found.next_cursor):
                break
        assert by_offset == by_cursor == expected, size


def test_a_cursor_that_is_not_ours_is_refused(store: Store) -> None:
    for bad in ("junk", "W10", "WzEsMl0"):
        with pytest.raises(InvalidInput, match="cursor"):
            queue.list_cases(store, cursor=bad)


def test_search_titles_and_plans_case_insensitively_within_the_org(store: Store) -> None:
    titled = add(store, "Mood boards from stock images.", title="The Last Narrator")
    voiced = add(store, VOICE)
    add(store, "Background signage in the market scene.")
    foreign = add(store, VOICE, org="globex")
    assert ids(store, org="acme", search=search_words("narrator")) == [titled]  # the title
    assert ids(store, org="acme", search=search_words("VOICE")) == [voiced]  # the plan, any case
    assert ids(store, org="acme", search=search_words("Lead Actor")) == [voiced]  # every word
    assert ids(store, org="acme", search=search_words("voice signage")) == []
    assert ids(store, org="acme", search=search_words("hologram")) == []
    assert ids(store, search=search_words("voice")) == [voiced, foreign]
    assert ids(store, org="globex", search=search_words("voice")) == [foreign]
    assert ids(store, org="globex", search=search_words("narrator")) == []
    assert ids(store, org="acme", search=search_words("clon")) == [voiced]  # a word's start (prefix or substring)


def test_search_uses_the_full_text_index_on_postgres(store: Store) -> None:
    if not store.is_postgres:
        pytest.skip("PostgreSQL only: SQLite searches by substring")
    query = select(cases.c.id).where(*queue._where(Filters(search=("voice",)), "postgresql"))
    with store.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        compiled = query.compile(conn)  # bound as the queue binds it
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params))
    assert "ix_cases_search" in plan, plan


def test_filters_by_stage_assignee_trigger_and_date(store: Store) -> None:
    voiced, plain, assigned = add(store, VOICE), add(store, "Mood board."), add(store, "Mood board two.")
    set_row(store, assigned, assigned_to="0123456789abcdef", stage="in_review")
    assert ids(store, stage="in_review") == [assigned]
    assert ids(store, stage="new") == [voiced, plain]
    assert ids(store, assignee="0123456789abcdef") == [assigned]
    assert ids(store, assignee=queue.UNASSIGNED) == [voiced, plain]
    assert ids(store, trigger="talent_likeness") == [voiced]
    assert ids(store, trigger="personal_data") == []
    row = queue.list_cases(store, Filters(trigger="talent_likeness")).rows[0]
    assert row.triggers == ("talent_likeness",) and row.snippet == VOICE

    set_row(store, plain, created_at="2025-03-10T23:59:59.000000Z")
    set_row(store, assigned, created_at="2025-03-11T00:00:00.000000Z")
    assert ids(store, created_from=date(2025, 3, 11), created_to=date(2025, 3, 11)) == [assigned]
    assert ids(store, created_to=date(2025, 3, 10)) == [plain]
    assert ids(store, created_from=date(2025, 3, 12)) == [voiced]


def test_a_snippet_is_the_plans_start_with_its_whitespace_collapsed() -> None:
    assert queue.snippet("  Mood\n\n boards\tfrom   stock. ") == "Mood boards from stock."
    long = " ".join(["word"] * 100)
    cut = queue.snippet(long)
    assert len(cut) <= queue.SNIPPET_CHARS and cut.endswith("word…")
    assert len(queue.snippet("x" * 500)) == queue.SNIPPET_CHARS


def test_a_retriage_replaces_the_trigger_index_and_verify_checks_it(store: Store) -> None:
    case_id = add(store, VOICE)
    assert ids(store, trigger="talent_likeness") == [case_id]
    with store.engine.connect() as conn:
        assert integrity.verify(conn).ok
    with store.transaction() as conn:  # someone hides the case from the trigger filter
        conn.execute(delete(case_triggers).where(case_triggers.c.case_id == case_id))
    with store.engine.connect() as conn:
        report = integrity.verify(conn)
    assert not report.ok and f"case {case_id}: its trigger index differs" in report.message


def test_migration_0007_indexes_the_triggers_of_stored_results_and_keeps_the_audit_whole(tmp_path) -> None:
    db = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    migrations.migrate(db)
    voiced, plain = add(db, VOICE), add(db, "Mood board.")
    with db.transaction() as conn:  # 0007 undone, with results stored and no trigger rows
        conn.execute(delete(schema_version).where(schema_version.c.version == 7))
        conn.execute(text("DROP TABLE case_triggers"))
        for index in (
            "ix_cases_approval_created",
            "ix_cases_org_approval_created",
            "ix_cases_due_clock",
            "ix_cases_headline",
        ):
            conn.execute(text(f"DROP INDEX {index}"))
    migrations.migrate(db)
    assert ids(db, trigger="talent_likeness") == [voiced] and plain not in ids(db, trigger="talent_likeness")
    with db.engine.connect() as conn:
        report = integrity.verify(conn)
    assert report.ok, report.message
    db.close()
