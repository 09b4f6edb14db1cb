"""The store changes made for throughput keep their guarantees: reads never wait for writers, writers queue instead
of polling, the rows a write returns are the rows it stored, and the lease follows the extractor."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from triage_support import BACKENDS, FakePipeline, open_store

from triage.config import Settings
from triage.records import Intake
from triage.service import submit
from triage.store import counters, migrations, queue
from triage.store.accounts import authenticate, issue_key
from triage.store.cases import DEFAULT_LEASE_S, Store
from triage.store.db import canonical_json, make_engine
from triage.store.schema import case_events

PLAN = "We will clone the lead actor's voice for ADR; consent is pending."


def test_sqlite_reads_do_not_wait_for_an_open_write(tmp_path: Path) -> None:
    """A read takes a WAL snapshot: it answers while another connection holds the write lock (it used to queue)."""
    store = Store(make_engine(f"sqlite:///{tmp_path / 'triage.db'}"))
    migrations.migrate(store)
    key = issue_key(store, "partner", "acme")[1]
    case = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k", actor_role="partner")
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with store.transaction():
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        assert authenticate(store, key) is not None
        assert store.get_case(case.id) is not None
        assert store.history(case.id)
        assert queue.list_cases(store, queue.Filters(org="acme")).total == 1
        assert time.perf_counter() - started < 1.0
    finally:
        release.set()
        thread.join()
        store.close()


def test_sqlite_writers_from_two_stores_queue_and_none_is_lost(tmp_path: Path) -> None:
    """Two stores on one file (as two worker processes would be): concurrent writes all land, none fails."""
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    stores = [Store(make_engine(url)), Store(make_engine(url))]
    migrations.migrate(stores[0])
    errors: list[BaseException] = []

    def work(store: Store) -> None:
        try:
            for _ in range(25):  # one window for the whole test (a minute's boundary would drop the old window's row)
                counters.hit(store, "key:k1", limit=1_000_000, window_s=10**9)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(stores[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (tmp_path / "triage.db.writer-lock").exists()
    with stores[0].reader.connect() as conn:
        count = conn.exec_driver_sql("SELECT sum(count) FROM rate_limits").scalar()
    assert count == 200
    for store in stores:
        store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_written_case_is_what_a_read_returns(backend: str, tmp_path: Path) -> None:
    with open_store(backend, tmp_path) as store:
        created, token = store.create_case(Intake(text=PLAN, production_title="Pilot"), org="acme", actor="k")
        assert store.get_case(created.id) == created
        done = submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k", actor_role="partner")
        assert done.status == "triaged"
        assert store.get_case(done.id) == done
        events = store.history(done.id)
        assert [e.kind for e in events] == ["submitted", "triaged"]
        assert events[1].data["result"] == done.result
        with store.reader.connect() as conn:
            raw = conn.execute(
                select(case_events.c.data_json).where(case_events.c.case_id == done.id, case_events.c.seq == 2)
            ).scalar()
        assert raw == canonical_json(json.loads(raw))  # the history entry is canonical JSON, as before
        assert token


def test_lease_follows_the_extractor(tmp_path: Path) -> None:
    assert Settings(extractor="lexical").effective_lease_s == 60
    llm = Settings(extractor="llm", llm_model="m")
    assert llm.effective_lease_s == DEFAULT_LEASE_S  # default timeout and retries: the 600 s it always was
    assert Settings(extractor="llm", llm_model="m", llm_timeout_s=5, llm_max_retries=0).effective_lease_s == 130
    assert Settings(extractor="llm", llm_model="m", lease_s=7).effective_lease_s == 7
    store = Store.open(Settings(data_dir=tmp_path, extractor="lexical", lease_s=1))
    try:
        assert store.lease_s == 1
        case, _ = store.create_case(Intake(text=PLAN), org="acme", actor="k")
        assert store.pending() == []  # leased: not re-runnable yet
        time.sleep(1.2)
        assert store.pending() == [case.id]  # the runner is presumed dead once its lease lapses
    finally:
        store.close()


@pytest.mark.parametrize("quotes", ["words", "off", "embedding"])
def test_only_embedding_quotes_runs_the_model_per_case(tmp_path: Path, quotes: str) -> None:
    """TRIAGE_CITE_QUOTES=words|off: citations still verbatim from the rule's sections, and the partner's quote is
    never embedded (the rule's vectors are cached, so a warm pipeline runs no model); `embedding` embeds it."""
    from triage.extract.lexical.reader import LexicalExtractor
    from triage.pipeline import Pipeline

    settings = Settings(data_dir=tmp_path, cite_quotes=quotes)
    pipeline = Pipeline(settings, extractor=LexicalExtractor())
    embedded: list[str] = []
    original = pipeline.index._vectors

    def spy(texts: list[str]):  # type: ignore[no-untyped-def]
        embedded.extend(texts)
        return original(texts)

    pipeline.index._vectors = spy  # type: ignore[method-assign]
    result = pipeline.run(Intake(text=PLAN))
    assert result.route == "escalate" and result.findings
    reasons = {pipeline.rules.by_id(f.rule).reason for f in result.findings}
    evidence = {f.evidence for f in result.findings if f.evidence}
    if quotes == "embedding":
        assert evidence <= set(embedded)
    else:
        assert set(embedded) <= reasons  # rule texts only, never the partner's evidence
    policy = pipeline.policy
    for finding in result.findings:
        assert finding.citations
        for citation in finding.citations:
            assert citation.section in finding.sections or not finding.sections
            assert citation.text in policy.sections[citation.section].text


def _commit_mode(store: Store, durable: bool) -> str:
    with store.transaction(durable=durable) as conn:
        if store.is_postgres:
            return str(conn.exec_driver_sql("SHOW synchronous_commit").scalar())
        return {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[conn.exec_driver_sql("PRAGMA synchronous").scalar()]


@pytest.mark.parametrize("backend", BACKENDS)
def test_only_writes_marked_not_durable_skip_the_wait_for_the_disk(backend: str, tmp_path: Path) -> None:
    """Counts and a case still being triaged commit without an fsync; everything else (results, reviews, audit)
    waits for the disk, including on a pooled connection a lazy write used just before."""
    with open_store(backend, tmp_path) as store:
        durable, lazy = ("on", "off") if store.is_postgres else ("FULL", "NORMAL")
        assert _commit_mode(store, True) == durable
        assert _commit_mode(store, False) == lazy
        assert _commit_mode(store, True) == durable  # the same pooled connection, back to durable
        if store.is_postgres:  # SET LOCAL ends with its transaction: the session default is untouched
            with store.reader.connect() as conn:
                assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
        case, _ = store.create_case(Intake(text=PLAN), org="acme", actor="k")
        assert counters.hit(store, "key:k", limit=5) == 0
        with store.reader.connect() as conn:  # committed and visible, durable or not
            assert conn.scalar(select(case_events.c.kind).where(case_events.c.case_id == case.id)) == "submitted"
