"""The audit chain: every triage and review is recorded, and any edit or deletion is found and named."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, func, select, update
from triage_support import BACKENDS, FakePipeline, open_store

from triage.config import Settings
from triage.records import Intake
from triage.service import submit
from triage.service import verify_audit as verify_chain
from triage.store import audit
from triage.store.audit import input_sha256, record_hash, verify
from triage.store.cases import Store
from triage.store.db import canonical_json, iso, utcnow
from triage.store.schema import audit_log

PLAN = "We will clone the narrator's voice for the final cut."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with open_store(request.param, tmp_path) as s:
        yield s


def _check(store: Store) -> audit.Verification:
    with store.engine.connect() as conn:
        return verify(conn)


def _fill(store: Store, n: int = 3) -> list[str]:
    ids = []
    for i in range(n):
        case = submit(store, FakePipeline(), Intake(text=f"{PLAN} ({i})"), org="acme", actor="k1", actor_role="partner")
        ids.append(case.id)
    store.add_review(ids[0], decision="approve", route=None, reason="consent on file", actor="c1", actor_role="contact")
    return ids


def test_every_triage_and_review_is_recorded_with_what_decided_it(store: Store) -> None:
    ids = _fill(store)
    with store.engine.connect() as conn:
        recs = audit.records(conn)
    assert [r.kind for r in recs] == ["triage", "triage", "triage", "review"]
    first = recs[0]
    case = store.get_case(ids[0])
    assert first.case_id == ids[0] and first.actor == "k1" and first.actor_role == "partner"
    assert first.input_sha256 == input_sha256(case.text, None, None)
    assert first.result["route"] == "escalate" and first.result["case_id"] == ids[0]
    assert first.policy_version == "test-policy" and first.extractor == "fake"
    assert first.latency_us >= 0 and first.prompt_tokens == 0
    assert first.prev_hash == audit.GENESIS and recs[1].prev_hash == first.hash
    assert recs[3].result == {
        "decision": "approve",
        "route": None,
        "reason": "consent on file",
        "engine_route": "escalate",
        "conditions": None,
        "stage": "approved",
    }
    result = _check(store)
    assert result.ok and result.checked == 4, result.message


def test_a_failed_triage_is_recorded(store: Store) -> None:
    case = submit(store, FakePipeline(fail=True), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    with store.engine.connect() as conn:
        (rec,) = audit.records(conn, case_id=case.id)
    assert rec.kind == "triage_failed" and rec.result["error"].startswith("ConnectionError")


def test_an_edited_record_is_named(store: Store) -> None:
    _fill(store)
    with store.transaction() as conn:
        conn.execute(update(audit_log).where(audit_log.c.seq == 2).values(result_json='{"route":"notify"}'))
    result = _check(store)
    assert not result.ok and result.first_bad_seq == 2
    assert "#2" in result.message and "edited" in result.message


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(store: Store) -> None:
    _fill(store)
    with store.transaction() as conn:
        row = conn.execute(select(audit_log).where(audit_log.c.seq == 2)).first()
        values = {**row._mapping, "actor": "someone-else"}
        conn.execute(
            update(audit_log).where(audit_log.c.seq == 2).values(actor="someone-else", hash=record_hash(values))
        )
    result = _check(store)
    assert not result.ok and result.first_bad_seq == 3, result.message


def test_a_deleted_record_is_named(store: Store) -> None:
    _fill(store)
    with store.transaction() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq == 2))
    result = _check(store)
    assert not result.ok and result.first_bad_seq == 2 and "deleted" in result.message


def test_deleting_the_newest_records_is_found(store: Store) -> None:
    _fill(store)
    with store.transaction() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq >= 3))
    result = _check(store)
    assert not result.ok and result.first_bad_seq == 3 and "deleted" in result.message


def test_deleting_everything_is_found(store: Store) -> None:
    _fill(store)
    with store.transaction() as conn:
        conn.execute(delete(audit_log))
    assert not _check(store).ok


def test_an_empty_trail_verifies(store: Store) -> None:
    result = _check(store)
    assert result.ok and result.checked == 0


def test_concurrent_writers_never_fork_the_chain(store: Store) -> None:
    workers, each = 6, 8
    errors: list[BaseException] = []
    barrier = threading.Barrier(workers)

    def go(w: int) -> None:
        barrier.wait()
        try:
            for i in range(each):
                with store.transaction() as conn:
                    audit.append(
                        conn,
                        lock=store.advisory_lock,
                        kind="test",
                        actor=f"w{w}",
                        at=iso(utcnow()),
                        result_json=canonical_json({"i": i}),
                    )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(audit_log)) == workers * each
    result = _check(store)
    assert result.ok, result.message


def test_verify_chain_cli_hook(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    store = Store.open(settings)
    try:
        _fill(store)
    finally:
        store.close()
    ok, message = verify_chain(settings)
    assert ok and "4 audit records verified" in message
    store = Store.open(settings)
    with store.transaction() as conn:
        conn.execute(update(audit_log).where(audit_log.c.seq == 1).values(kind="tampered"))
    store.close()
    ok, message = verify_chain(settings)
    assert not ok and "#1" in message
