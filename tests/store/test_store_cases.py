"""Stored cases on SQLite and PostgreSQL: nothing is lost when extraction fails, and runs never overwrite each other."""

from __future__ import annotations

import importlib
import logging
import threading
import time

import pytest
from sqlalchemy import insert, inspect, update
from triage_support import BACKENDS, FakePipeline, open_store

from triage.records import Intake, PartnerAnswer
from triage.service import rerun, rerun_pending, run_case, submit
from triage.store import audit, counters, integrity, migrations
from triage.store.cases import Store
from triage.store.db import iso, make_engine, utcnow
from triage.store.errors import Conflict, InvalidInput, NotFound, StoreError, TextTooLong
from triage.store.schema import cases, schema_version

PLAN = "We will use a cloned voice of our lead actor for temp ADR. Nothing else."
SECRET_PLAN = "Project Nightjar: the villain's voice is cloned from a retired actor for the final mix."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with open_store(request.param, tmp_path) as s:
        yield s


LATEST = migrations.available()[-1][0]


def test_migrate_is_idempotent_and_records_the_version(store: Store) -> None:
    assert migrations.current_version(store) == LATEST
    assert migrations.migrate(store) == LATEST
    assert migrations.current_version(store) == LATEST


def test_the_contact_queue_has_its_index(store: Store) -> None:
    indexes = {index["name"] for index in inspect(store.engine).get_indexes("cases")}
    assert {"ix_cases_created", "ix_cases_org_created"} <= indexes


def test_concurrent_migrations_apply_once(store: Store) -> None:
    errors: list[BaseException] = []

    def go() -> None:
        try:
            migrations.migrate(store)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert migrations.current_version(store) == LATEST


def test_a_case_is_stored_before_extraction_and_survives_a_failing_pipeline(store: Store) -> None:
    case = submit(store, FakePipeline(fail=True), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    assert case.status == "failed"
    assert case.text == PLAN
    assert case.error.startswith("ConnectionError")
    assert [e.kind for e in store.history(case.id)] == ["submitted", "failed"]

    rerun_ids = rerun_pending(store, FakePipeline())
    assert rerun_ids == [case.id]
    again = store.get_case(case.id)
    assert again.status == "triaged"
    assert again.route == "escalate"
    assert again.result["case_id"] == case.id
    assert again.error is None
    assert [e.kind for e in store.history(case.id)] == ["submitted", "failed", "triaged"]


def test_rerun_pending_gives_up_after_max_attempts(store: Store) -> None:
    case = submit(store, FakePipeline(fail=True), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    failing = FakePipeline(fail=True)
    assert rerun_pending(store, failing, max_attempts=3) == [case.id]
    assert rerun_pending(store, failing, max_attempts=3) == [case.id]
    assert rerun_pending(store, failing, max_attempts=3) == []
    assert store.get_case(case.id).attempts == 3
    # an explicit re-run is still allowed
    assert rerun(store, FakePipeline(), case.id, actor="k2", actor_role="contact").status == "triaged"


def test_a_crashed_worker_case_is_rerun_only_after_its_lease_expires(store: Store) -> None:
    case, _token = store.create_case(Intake(text=PLAN), org="acme", actor="k1")  # the worker dies here
    assert store.pending() == []  # still leased: another worker may be running it
    assert store.claim(case.id) is None
    with store.transaction() as conn:
        conn.execute(update(cases).where(cases.c.id == case.id).values(lease_until=iso(utcnow())))
    assert rerun_pending(store, FakePipeline()) == [case.id]
    assert store.get_case(case.id).status == "triaged"


def test_a_superseded_run_cannot_overwrite_the_newer_one(store: Store) -> None:
    case, old_token = store.create_case(Intake(text=PLAN), org="acme", actor="k1")
    with store.transaction() as conn:
        conn.execute(update(cases).where(cases.c.id == case.id).values(lease_until=iso(utcnow())))
    new_token = store.claim(case.id)
    assert new_token and new_token != old_token
    result = FakePipeline().run(Intake(text=PLAN))
    assert store.complete(case.id, old_token, result, actor="k1", actor_role="partner", latency_us=1) is None
    assert store.fail(case.id, old_token, "X: y", actor="k1", actor_role="partner", latency_us=1) is None
    done = store.complete(case.id, new_token, result, actor="k1", actor_role="partner", latency_us=1)
    assert done.status == "triaged"


def test_only_one_of_many_concurrent_claims_wins(store: Store) -> None:
    case = submit(store, FakePipeline(fail=True), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    tokens: list[str | None] = []
    barrier = threading.Barrier(6)

    def go() -> None:
        barrier.wait()
        tokens.append(store.claim(case.id))

    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len([t for t in tokens if t]) == 1


def test_list_filters_paginates_and_scopes_by_org(store: Store) -> None:
    pipeline = FakePipeline()
    for i in range(5):
        submit(
            store,
            pipeline,
            Intake(text=f"Mood board {i} from stock images."),
            org="acme",
            actor="k1",
            actor_role="partner",
        )
    submit(
        store, pipeline, Intake(text=PLAN, production_type="documentary"), org="acme", actor="k1", actor_role="partner"
    )
    other = submit(store, pipeline, Intake(text=PLAN), org="globex", actor="k9", actor_role="partner")

    page, total = store.list_cases(org="acme", limit=4, offset=0)
    assert total == 6 and len(page) == 4
    page2, _ = store.list_cases(org="acme", limit=4, offset=4)
    assert len(page2) == 2 and not {c.id for c in page} & {c.id for c in page2}
    assert all(c.org == "acme" for c in page + page2)

    escalated, n = store.list_cases(org="acme", route="escalate")
    assert n == 1 and escalated[0].production_type == "documentary"
    assert store.list_cases(production="documentary")[1] == 1
    assert store.list_cases(status="triaged")[1] == 7
    assert store.list_cases(review="none")[1] == 7
    assert store.get_case(other.id, org="acme") is None
    assert store.get_case(other.id, org="globex").id == other.id

    counts = store.counts(org="acme")
    assert counts["route"] == {"notify": 5, "escalate": 1}
    assert counts["status"] == {"triaged": 6}
    assert store.counts()["route"]["escalate"] == 2


ANSWER = PartnerAnswer(question="Will any generated material be in the final cut?", answer="No, temp only.")


def test_answers_are_kept_as_rows_and_an_earlier_review_is_kept_stale(store: Store) -> None:
    case = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    store.add_review(
        case.id, decision="override", route="escalate", reason="talk to us", actor="c1", actor_role="contact"
    )
    updated, token = store.add_answers(
        case.id, [ANSWER], org="acme", actor="k1", actor_role="partner", max_chars=20_000
    )
    assert updated.status == "received" and updated.text == PLAN  # the plan is never rewritten
    assert updated.review == "override" and updated.review_stale and updated.reviewed_by == "c1"
    assert [a.answer for a in store.answers(case.id)] == [ANSWER]
    assert store.intake(updated).answers == [ANSWER]
    run_case(store, FakePipeline(), case.id, token, actor="k1", actor_role="partner")
    kinds = [e.kind for e in store.history(case.id)]
    assert kinds == ["submitted", "triaged", "review", "answers", "triaged"]
    done = store.get_case(case.id)
    assert done.effective_route == "escalate"  # the engine's notify never erases the contact's escalation
    assert [c.id for c in store.list_cases(review="none")[0]] == [case.id]  # back in the queue
    with store.engine.connect() as conn:
        assert [r.kind for r in audit.records(conn)] == ["triage", "review", "answers", "triage"]


def test_answers_are_refused_cleanly(store: Store) -> None:
    case = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    with pytest.raises(NotFound):
        store.add_answers(case.id, [ANSWER], org="globex", actor="k9", actor_role="partner", max_chars=20_000)
    long = PartnerAnswer(answer="a" * 500)
    with pytest.raises(TextTooLong):
        store.add_answers(
            case.id, [ANSWER, long], org="acme", actor="k1", actor_role="partner", max_chars=len(PLAN) + 100
        )
    assert store.get_case(case.id).text == PLAN and store.answers(case.id) == []  # nothing half-written
    busy, _ = store.create_case(Intake(text=PLAN), org="acme", actor="k1")
    with pytest.raises(Conflict):
        store.add_answers(busy.id, [ANSWER], org="acme", actor="k1", actor_role="partner", max_chars=20_000)


def test_every_version_is_kept_and_answers_belong_to_theirs(store: Store) -> None:
    case = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    _, token = store.add_answers(case.id, [ANSWER], org="acme", actor="k1", actor_role="partner", max_chars=20_000)
    run_case(store, FakePipeline(), case.id, token, actor="k1", actor_role="partner")
    with pytest.raises(InvalidInput):
        store.revise(case.id, PLAN, org="acme", actor="k1", actor_role="partner")
    with pytest.raises(NotFound):
        store.revise(case.id, "Another plan.", org="globex", actor="k9", actor_role="partner")
    revised, token = store.revise(
        case.id, "We use Midjourney for mood boards only.", org="acme", actor="k1", actor_role="partner"
    )
    assert revised.version == 2 and revised.text == "We use Midjourney for mood boards only."
    assert [(v.version, v.text) for v in store.versions(case.id)] == [(1, PLAN), (2, revised.text)]
    assert store.intake(revised).answers == []  # the new version starts with none
    assert [a.version for a in store.answers(case.id)] == [1]
    with store.engine.connect() as conn:
        assert [r.kind for r in audit.records(conn)][-1] == "revision"


def test_migration_0005_moves_in_band_answers_into_rows(tmp_path) -> None:
    db = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    header, footer = "--- Answers to follow-up questions ---", "--- End of answers ---"
    stored = f"The plan.\n\n{header}\nQ: Which tool?\nA: Firefly,\n  enterprise tier.\n\nA: No final cut use.\n{footer}"
    with db.transaction() as conn:
        schema_version.create(conn)
        for number in (1, 2):
            name = next(n for v, n in migrations.available() if v == number)
            importlib.import_module(f"triage.store.migrations.{name}").upgrade(conn)
            conn.execute(insert(schema_version).values(version=number, name=name, applied_at=iso(utcnow())))
        conn.execute(
            insert(cases).values(
                id="c_0123456789abcdef", org="acme", created_by="k1", status="triaged", text=stored,
                attempts=1, created_at=iso(utcnow()), updated_at=iso(utcnow()),
            )
        )  # fmt: skip
    migrations.migrate(db)
    case = db.get_case("c_0123456789abcdef")
    assert case.text == "The plan." and case.version == 1 and not case.review_stale
    assert [(a.answer.question, a.answer.answer) for a in db.answers(case.id)] == [
        ("Which tool?", "Firefly,\nenterprise tier."),
        ("", "No final cut use."),
    ]
    assert [v.text for v in db.versions(case.id)] == ["The plan."]
    with db.engine.connect() as conn:  # the moved answers are part of the case's audited state from here on
        kinds = [r.kind for r in audit.records(conn, case_id=case.id)]
        assert kinds == ["adopted", "migrated", "migrated"]  # 0003, 0005, 0006
        report = integrity.verify(conn)
    assert report.ok, report.message
    db.close()


def test_reviews(store: Store) -> None:
    case = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    with pytest.raises(StoreError):
        store.add_review(case.id, decision="override", route=None, reason="r", actor="c1", actor_role="contact")
    with pytest.raises(StoreError):
        store.add_review(case.id, decision="approve", route="notify", reason="r", actor="c1", actor_role="contact")
    done = store.add_review(
        case.id, decision="override", route="notify", reason="consent on file", actor="c1", actor_role="contact"
    )
    assert done.review == "override" and done.effective_route == "notify" and done.route == "escalate"
    assert store.list_cases(route="notify")[1] == 1
    with pytest.raises(NotFound):
        store.add_review("c_missing", decision="approve", route=None, reason="r", actor="c1", actor_role="contact")


def test_rate_limit_counts_per_subject(store: Store) -> None:
    assert [counters.hit(store, "k1", limit=3) for _ in range(3)] == [0, 0, 0]
    assert counters.hit(store, "k1", limit=3) > 0
    assert counters.hit(store, "k2", limit=3) == 0


def test_partner_text_never_reaches_the_logs(store: Store, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    case = submit(
        store, FakePipeline(fail=True), Intake(text=SECRET_PLAN), org="acme", actor="k1", actor_role="partner"
    )
    rerun(store, FakePipeline(), case.id, actor="k1", actor_role="partner")
    assert caplog.records
    assert "Nightjar" not in caplog.text and "villain" not in caplog.text


@pytest.mark.parametrize("scheme", ["postgres://", "postgresql://"])
def test_plain_postgres_urls_use_psycopg3(scheme) -> None:
    engine = make_engine(scheme + "u@127.0.0.1:5432/db")
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_a_case_interrupted_on_every_attempt_ends_failed_not_received_forever(store: Store) -> None:
    store.lease_s = 0.001
    case, _ = store.create_case(Intake(text="We'll clone the lead's voice."), org="acme", actor="k1")
    for _ in range(2):  # the first run and two re-runs, each left unfinished by a dying worker
        time.sleep(0.01)
        assert store.claim(case.id) is not None
    time.sleep(0.01)
    assert rerun_pending(store, FakePipeline(), max_attempts=3) == []
    after = store.get_case(case.id)
    assert after is not None and after.status == "failed"
    assert "interrupted" in (after.error or "")
    assert verify_chain_ok(store)


def verify_chain_ok(store: Store) -> bool:
    with store.engine.connect() as conn:
        return audit.verify(conn).ok


def test_migration_0006_gives_reviewed_cases_their_stage_and_keeps_the_audit_whole(tmp_path) -> None:
    db = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    with db.transaction() as conn:
        schema_version.create(conn)
        for number, name in migrations.available():
            if number >= 6:
                break
            importlib.import_module(f"triage.store.migrations.{name}").upgrade(conn)
            conn.execute(insert(schema_version).values(version=number, name=name, applied_at=iso(utcnow())))
        for suffix, review in (("a", "approve"), ("b", "request_changes"), ("c", None)):
            conn.execute(
                insert(cases).values(
                    id=f"c_000000000000000{suffix}", org="acme", created_by="k1", status="triaged", text="The plan.",
                    review=review, attempts=1, created_at=iso(utcnow()), updated_at=iso(utcnow()),
                )
            )  # fmt: skip
    migrations.migrate(db)
    stages = {c: db.get_case(c).stage for c in ("c_000000000000000a", "c_000000000000000b", "c_000000000000000c")}
    assert stages == {
        "c_000000000000000a": "approved",
        "c_000000000000000b": "awaiting_partner",
        "c_000000000000000c": "new",
    }
    with db.engine.connect() as conn:
        report = integrity.verify(conn)
    assert report.ok, report.message
    with db.transaction() as conn:
        conn.execute(update(cases).where(cases.c.id == "c_000000000000000c").values(stage="approved"))
    with db.engine.connect() as conn:
        report = integrity.verify(conn)
    assert not report.ok and "c_000000000000000c: stage differ" in report.message
    db.close()
