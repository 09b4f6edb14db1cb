"""`triage audit verify` compares what users see with the chain: each tampering from the security review (#16)
is found and names the case or key."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, update
from triage_support import FakePipeline

from triage import service
from triage.config import Settings
from triage.records import Intake
from triage.store.accounts import hash_key, issue_key, parse_key, revoke_key
from triage.store.cases import Store
from triage.store.schema import api_keys, audit_log, case_answers, case_events, case_versions, cases, meta

PLAN = "We will clone the narrator's voice for the final cut."


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path)


@pytest.fixture
def filled(settings: Settings) -> dict[str, str]:
    """Two cases (one reviewed then revised, one answered), a partner key, a revoked key; the chain verifies."""
    store = Store.open(settings)
    try:
        _, partner = issue_key(store, "partner", "acme")
        principal = service.accounts.authenticate(store, partner)
        assert principal is not None
        first = service.submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
        second = service.submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
        store.add_review(first.id, decision="reject", route=None, reason="no consent", actor="c1", actor_role="contact")
        given = [service.AnswerInput(text="yes", question="Consent?")]
        service.answer(store, FakePipeline(), second.id, given, principal=principal, max_chars=20_000)
        service.revise(
            store, FakePipeline(), first.id, PLAN + " Only in the trailer.", principal=principal, max_chars=20_000
        )
        revoked, _ = issue_key(store, "admin", "studio")
        assert revoke_key(store, revoked.id)
    finally:
        store.close()
    ok, message = service.verify_audit(settings)
    assert ok, message
    return {"first": first.id, "second": second.id, "revoked": revoked.id, "partner": parse_key(partner) or ""}


def tamper(settings: Settings, *statements) -> tuple[bool, str]:
    store = Store.open(settings)
    try:
        with store.transaction() as conn:
            for statement in statements:
                conn.execute(statement)
    finally:
        store.close()
    return service.verify_audit(settings)


def test_editing_the_route_or_result_is_found(settings, filled) -> None:
    ok, message = tamper(settings, update(cases).where(cases.c.id == filled["second"]).values(route="notify"))
    assert not ok and f"case {filled['second']}: route differ" in message
    ok, message = tamper(settings, update(cases).where(cases.c.id == filled["second"]).values(result_json="{}"))
    assert not ok and "result_sha256" in message


def test_a_forged_override_is_found(settings, filled) -> None:
    forged = update(cases).where(cases.c.id == filled["first"]).values(review="override", review_route="notify")
    ok, message = tamper(settings, forged)
    assert not ok and f"case {filled['first']}" in message and "review_route" in message


def test_a_deleted_case_and_its_history_are_found(settings, filled) -> None:
    ok, message = tamper(
        settings,
        delete(case_events).where(case_events.c.case_id == filled["first"]),
        delete(cases).where(cases.c.id == filled["first"]),
    )
    assert not ok and f"case {filled['first']} was deleted" in message


def test_an_edited_review_reason_in_the_history_is_found(settings, filled) -> None:
    edit = (
        update(case_events)
        .where(case_events.c.case_id == filled["first"], case_events.c.kind == "review")
        .values(data_json='{"decision":"approve","reason":"fine"}')
    )
    ok, message = tamper(settings, edit)
    assert not ok and f"case {filled['first']}: history_sha256" in message


def test_edited_answers_are_found(settings, filled) -> None:
    edit = update(cases).where(cases.c.id == filled["second"]).values(text=PLAN + " All consent is on file.")
    ok, message = tamper(settings, edit)
    assert not ok and f"case {filled['second']}: text_sha256" in message


def test_edited_or_inserted_answer_rows_are_found(settings, filled) -> None:
    edit = update(case_answers).where(case_answers.c.case_id == filled["second"]).values(answer="no")
    ok, message = tamper(settings, edit)
    assert not ok and f"case {filled['second']}: answers_sha256" in message
    forged = insert(case_answers).values(
        case_id=filled["first"], seq=99, version=2, facts_json="[]", question="", answer="consent on file",
        actor="k1", at="2026-01-01T00:00:00Z",
    )  # fmt: skip
    ok, message = tamper(settings, forged)
    assert not ok and f"case {filled['first']}: answers_sha256" in message


def test_an_edited_current_version_or_earlier_version_is_found(settings, filled) -> None:
    ok, message = tamper(settings, update(cases).where(cases.c.id == filled["first"]).values(version=1))
    assert not ok and f"case {filled['first']}: version differ" in message
    edit = (
        update(case_versions)
        .where(case_versions.c.case_id == filled["first"], case_versions.c.version == 1)
        .values(text="We use no AI at all.")
    )
    ok, message = tamper(settings, edit)
    assert not ok and "versions_sha256" in message and f"case {filled['first']}" in message


def test_a_stale_review_made_to_look_current_is_found(settings, filled) -> None:
    """The revision left the reject stale; clearing the mark would make the old review hold again."""
    ok, message = tamper(settings, update(cases).where(cases.c.id == filled["first"]).values(review_stale=False))
    assert not ok and f"case {filled['first']}: review_stale differ" in message


def test_an_unrevoked_or_inserted_key_is_found(settings, filled) -> None:
    ok, message = tamper(settings, update(api_keys).where(api_keys.c.id == filled["revoked"]).values(revoked_at=None))
    assert not ok and f"key {filled['revoked']}: revoked_at differ" in message
    forged = insert(api_keys).values(
        id="ab12", key_hash=hash_key("tri_ab12_x"), role="admin", org="studio", created_at="2020-01-01T00:00:00Z"
    )
    ok, message = tamper(settings, forged)
    assert not ok and "key ab12 has no audit record" in message
    ok, message = tamper(settings, update(api_keys).where(api_keys.c.id == filled["partner"]).values(role="contact"))
    assert not ok and f"key {filled['partner']}: role differ" in message


def test_an_emptied_chain_beside_cases_is_found(settings, filled) -> None:
    ok, message = tamper(settings, delete(audit_log), delete(meta).where(meta.c.key == "audit:head"))
    assert not ok and "the audit trail is empty but 2 cases are stored" in message
    assert f"case {filled['first']} has no audit record" in message and "has no audit record" in message


def test_a_rewritten_chain_fails_against_an_anchored_head(settings, filled) -> None:
    head = service.audit_head(settings)
    assert head and service.verify_audit(settings, expect_head=head)[0]
    store = Store.open(settings)
    try:  # the chain grows after the anchor: still fine
        service.submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    finally:
        store.close()
    assert service.verify_audit(settings, expect_head=head)[0]
    ok, message = tamper(settings, delete(audit_log), delete(meta).where(meta.c.key == "audit:head"))
    ok, message = service.verify_audit(settings, expect_head=head)
    assert not ok and "does not hold the expected head" in message


def test_answers_and_key_events_are_audited(settings, filled) -> None:
    store = Store.open(settings)
    try:
        with store.engine.connect() as conn:
            kinds = [r.kind for r in service.audit.records(conn)]
    finally:
        store.close()
    assert kinds.count("answers") == 1 and kinds.count("key_created") == 2 and kinds.count("key_revoked") == 1
    assert kinds.count("revision") == 1


def test_an_upgrade_adopts_what_is_already_stored(tmp_path) -> None:
    import importlib

    from triage.store import migrations
    from triage.store.db import make_engine
    from triage.store.schema import schema_version

    store = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    try:
        with store.transaction() as conn:  # a database as version 2 left it, with a key and a case
            schema_version.create(conn)
            for version, name in migrations.available()[:2]:
                importlib.import_module(f"triage.store.migrations.{name}").upgrade(conn)
                conn.execute(insert(schema_version).values(version=version, name=name, applied_at="2026-01-01"))
            conn.execute(
                insert(api_keys).values(id="00ff", key_hash="h", role="admin", org="studio", created_at="2026-01-01")
            )
            conn.execute(
                insert(cases).values(
                    id="c_00000000000000ff",
                    org="acme",
                    created_by="00ff",
                    status="failed",
                    text=PLAN,
                    created_at="2026-01-01",
                    updated_at="2026-01-01",
                )
            )
            conn.execute(insert(meta).values(key="secret:session", value="plain text"))
        assert migrations.migrate(store) >= 3
        with store.engine.connect() as conn:
            report = service.integrity.verify(conn)
            assert report.ok, report.message
            assert conn.scalar(meta.select().where(meta.c.key == "secret:session")) is None
        with store.transaction() as conn:
            conn.execute(update(api_keys).values(role="partner"))
        with store.engine.connect() as conn:
            report = service.integrity.verify(conn)
        assert not report.ok and "key 00ff: role differ" in report.message
    finally:
        store.close()


def test_an_upgrade_where_0005_ran_before_0003_adopts_answers_and_versions(tmp_path) -> None:
    """A database that took migration 0005 before 0003 existed: 0003 adopts each case with its answers and versions,
    and the gap in the numbers (no 0004 yet) is no obstacle."""
    import importlib

    from triage.store import migrations
    from triage.store.db import make_engine
    from triage.store.schema import schema_version

    header, footer = "--- Answers to follow-up questions ---", "--- End of answers ---"
    store = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    try:
        with store.transaction() as conn:
            schema_version.create(conn)
            for version, name in migrations.available()[:2]:
                importlib.import_module(f"triage.store.migrations.{name}").upgrade(conn)
                conn.execute(insert(schema_version).values(version=version, name=name, applied_at="2026-01-01"))
            conn.execute(
                insert(cases).values(
                    id="c_00000000000000ee",
                    org="acme",
                    created_by="00ff",
                    status="triaged",
                    text=f"{PLAN}\n\n{header}\nQ: Consent?\nA: Yes, signed.\n{footer}",
                    created_at="2026-01-01",
                    updated_at="2026-01-01",
                )
            )
            name = next(n for v, n in migrations.available() if v == 5)
            importlib.import_module(f"triage.store.migrations.{name}").upgrade(conn)
            conn.execute(insert(schema_version).values(version=5, name=name, applied_at="2026-01-01"))
        assert migrations.migrate(store) == migrations.available()[-1][0]
        with store.engine.connect() as conn:
            assert [r.kind for r in service.audit.records(conn)] == ["adopted", "migrated"]  # 0003, then 0006
            report = service.integrity.verify(conn)
            assert report.ok, report.message
        assert [a.answer.answer for a in store.answers("c_00000000000000ee")] == ["Yes, signed."]
        with store.transaction() as conn:
            conn.execute(update(case_answers).values(answer="No."))
        with store.engine.connect() as conn:
            report = service.integrity.verify(conn)
        assert not report.ok and "answers_sha256" in report.message
    finally:
        store.close()
