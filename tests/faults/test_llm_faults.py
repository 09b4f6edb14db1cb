"""Fault tests: a real LLMExtractor / HybridExtractor, the real Pipeline, store and API against a misbehaving
OpenAI-compatible server on 127.0.0.1 (`fake_llm.py`), with a 2 s timeout and one retry.

Each fault must end the same way: the POST is accepted (201), the case is stored as triaged with route escalate and
the failure reason stated in the result, the audit trail holds a record for it, and nothing is lost. A slow server
that answers within the timeout must give a normal triage. While an LLM call hangs, the service keeps answering.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fake_llm import FakeLLMServer
from fastapi.testclient import TestClient
from llm_fakes import EXAMPLE_PLAN
from triage_support import auth

from api.main import create_app
from api.pools import per_org_triages
from triage.config import Settings
from triage.pipeline import Pipeline
from triage.retrieval import PolicyIndex
from triage.store import audit, queue
from triage.store.accounts import issue_key
from triage.store.cases import Store

pytestmark = pytest.mark.local_server

TIMEOUT_S = 2.0

# mode -> (words the stated reason must contain, model calls expected: retries for transient faults only,
# one repair turn for output that breaks the schema)
FAULTS: dict[str, tuple[str, int]] = {
    "hang": ("the model did not answer within 2 s (after 2 attempts)", 2),
    "status-500": ("the model server answered HTTP 500 (after 2 attempts)", 2),
    "status-503": ("the model server answered HTTP 503 (after 2 attempts)", 2),
    "status-400": ("the model server answered HTTP 400", 1),
    "garbage": ("the model server's reply was not valid JSON", 1),
    "truncated": ("the model server's reply was not valid JSON", 1),
    "cutoff": ("the model server closed the connection before a complete answer (after 2 attempts)", 2),
    "reset": ("the model server closed the connection before a complete answer (after 2 attempts)", 2),
    "badargs": ("did not match the record schema (the tool call arguments were not valid JSON)", 2),
    "schema": ("did not match the record schema (uses.0.summary", 2),
    "refusal": ("the model refused to answer", 1),
    "nouse": ("the model found no AI use in the plan", 1),
}
HYBRID_FAULTS = ["status-503", "truncated", "schema", "refusal"]


def fault_settings(tmp_path: Path, index_dir: Path, base_url: str, extractor: str) -> Settings:
    return Settings(
        extractor=extractor,
        llm_model="fake-model",
        llm_base_url=base_url,
        llm_api_key="not-needed",
        llm_timeout_s=TIMEOUT_S,
        llm_max_retries=1,
        llm_cache=False,
        data_dir=index_dir,
        database_url=f"sqlite:///{tmp_path / 'triage.db'}",
        rate_limit_per_minute=10_000,
        # these tests time the service around a faulty LLM; the precedent sweep shares their data folder and is
        # tested on its own (tests/precedents)
        precedents_worker=False,
    )


@pytest.fixture
def make_client(tmp_path: Path, index_dir: Path, policy_index: PolicyIndex) -> Iterator[Any]:
    """An API on a fresh SQLite file whose pipeline is built from settings (the real extractor) and a partner key."""
    opened: list[TestClient] = []

    def make(base_url: str, extractor: str) -> tuple[TestClient, Store, str]:
        settings = fault_settings(tmp_path, index_dir, base_url, extractor)
        app = create_app(settings, pipeline=Pipeline(settings, index=policy_index), rerun_on_startup=False)
        client = TestClient(app).__enter__()
        opened.append(client)
        store = app.state.triage.store()
        return client, store, issue_key(store, "partner", "acme")[1]

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def assert_escalated_and_kept(store: Store, body: dict[str, Any], reason: str, extractor: str) -> dict[str, Any]:
    """The stored case, its result and its audit record all say escalate and why."""
    result = body["result"]
    assert body["status"] == "triaged"
    assert result["route"] == "escalate"
    assert result["extractor"] == extractor
    stated = [f["reason"] for f in result["findings"] if f["rule"] == "system.not_understood"]
    assert stated and reason in stated[0], stated
    assert reason in result["summary"]
    assert all(c["section"] for f in result["findings"] for c in f["citations"])

    case = store.get_case(body["id"])
    assert case is not None and case.status == "triaged" and case.route == "escalate"
    assert [e.kind for e in store.history(case.id)] == ["submitted", "triaged"]
    with store.engine.connect() as conn:
        records = audit.records(conn, case_id=case.id)
        assert audit.verify(conn).ok
    assert [r.kind for r in records] == ["triage"]
    assert reason in json.dumps(records[0].result)
    return result


@pytest.mark.parametrize("mode", list(FAULTS))
def test_llm_fault_escalates_with_the_reason(mode: str, fake_llm: FakeLLMServer, make_client: Any) -> None:
    reason, calls = FAULTS[mode]
    client, store, key = make_client(fake_llm.base_url(mode), "llm")
    before = fake_llm.calls(mode)
    started = time.perf_counter()
    response = client.post("/v1/cases", json={"text": EXAMPLE_PLAN, "production_type": "scripted"}, headers=auth(key))
    elapsed = time.perf_counter() - started
    assert response.status_code == 201, response.text
    result = assert_escalated_and_kept(store, response.json(), reason, "llm:fake-model")
    assert result["uses"] == []
    assert result["stats"]["llm_calls"] == calls
    assert fake_llm.calls(mode) - before == calls
    # bounded: every attempt within the timeout, plus one backoff (1 s) between the two attempts
    assert elapsed < calls * TIMEOUT_S + 1.0 + 2.0


@pytest.mark.parametrize("mode", HYBRID_FAULTS)
def test_hybrid_fault_escalates_and_keeps_the_tripwire_uses(
    mode: str, fake_llm: FakeLLMServer, make_client: Any
) -> None:
    reason, _ = FAULTS[mode]
    client, store, key = make_client(fake_llm.base_url(mode), "hybrid")
    response = client.post("/v1/cases", json={"text": EXAMPLE_PLAN, "production_type": "scripted"}, headers=auth(key))
    assert response.status_code == 201, response.text
    result = assert_escalated_and_kept(store, response.json(), reason, "hybrid:fake-model")
    assert result["uses"], "the lexical tripwire's uses are kept for the contact"
    assert any("the LLM failed" in note for note in result["notes"])


# --- responsiveness: a live server while LLM calls hang --------------------------------------------------------


class LiveServer:
    """uvicorn in a thread on a loopback port this process bound (so the network guard knows it)."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.mark.parametrize("extractor", ["llm", "hybrid"])
def test_slow_answer_within_the_timeout_is_a_normal_triage_and_the_service_answers_meanwhile(
    extractor: str, tmp_path: Path, index_dir: Path, policy_index: PolicyIndex, fake_llm: FakeLLMServer
) -> None:
    settings = fault_settings(tmp_path, index_dir, fake_llm.base_url("slow-1.5"), extractor)
    app = create_app(settings, pipeline=Pipeline(settings, index=policy_index), rerun_on_startup=False)
    store = app.state.triage.store()
    partner = issue_key(store, "partner", "acme")[1]
    contact = issue_key(store, "contact", "studio")[1]
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as http, ThreadPoolExecutor(1) as pool:
        before = fake_llm.calls("slow-1.5")
        started = time.perf_counter()
        future = pool.submit(
            http.post, "/v1/cases", json={"text": EXAMPLE_PLAN, "production_type": "scripted"}, headers=auth(partner)
        )
        while fake_llm.calls("slow-1.5") == before:
            assert time.perf_counter() - started < 5, "the LLM was never called"
            time.sleep(0.02)
        probe = time.perf_counter()
        health = http.get("/healthz")
        listing = http.get("/v1/cases", params={"status": "received"}, headers=auth(contact))
        probe_s = time.perf_counter() - probe
        assert not future.done(), "the probes must land while the LLM call is in flight"
        response = future.result(timeout=30)
    assert health.status_code == 200 and listing.status_code == 200
    assert probe_s < 0.5, f"health and listing took {probe_s:.2f} s during a slow LLM call"
    assert listing.json()["count"] == 1  # stored (received) before extraction finished
    assert time.perf_counter() - started >= 1.5
    assert response.status_code == 201, response.text
    body = response.json()
    result = body["result"]
    assert body["id"] == listing.json()["data"][0]["id"]
    assert result["extractor"] == f"{extractor}:fake-model"
    assert result["stats"]["llm_calls"] == 1
    assert not [f for f in result["findings"] if f["rule"] == "system.not_understood"]
    assert "talent_likeness" in result["triggers"]  # the cloned voice without consent, read from the model's record
    assert len(result["uses"]) == 2
    case = store.get_case(body["id"])
    assert case is not None and case.status == "triaged"


@pytest.mark.slow
def test_service_answers_while_more_llm_calls_hang_than_there_are_worker_threads(
    tmp_path: Path, index_dir: Path, policy_index: PolicyIndex, fake_llm: FakeLLMServer
) -> None:
    """48 hanging submissions from 6 organisations, each within its cap of 8 (the server has 40 shared worker
    threads; triages run on 32 of their own): health, readiness and the case list still answer at once, and every
    case is kept."""
    settings = fault_settings(tmp_path, index_dir, fake_llm.base_url("hang"), "hybrid")
    settings = settings.model_copy(update={"llm_max_retries": 0})  # one 2 s timeout per case keeps this short
    app = create_app(settings, pipeline=Pipeline(settings, index=policy_index), rerun_on_startup=False)
    store = app.state.triage.store()
    submissions = 48
    partners = [issue_key(store, "partner", f"org{n}")[1] for n in range(submissions // per_org_triages())]
    contact = issue_key(store, "contact", "studio")[1]
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as http:

        def submit(n: int) -> httpx.Response:
            return http.post("/v1/cases", json={"text": EXAMPLE_PLAN}, headers=auth(partners[n % len(partners)]))

        before = fake_llm.calls("hang")
        with ThreadPoolExecutor(max_workers=submissions) as pool:
            futures = [pool.submit(submit, n) for n in range(submissions)]
            deadline = time.monotonic() + 5
            while fake_llm.calls("hang") - before < 30 and time.monotonic() < deadline:
                time.sleep(0.05)
            worst = 0.0
            for _ in range(3):
                started = time.perf_counter()
                health = http.get("/healthz")
                ready = http.get("/readyz")
                listing = http.get("/v1/cases", params={"status": "received"}, headers=auth(contact))
                worst = max(worst, time.perf_counter() - started)
                assert health.status_code == 200 and health.json()["status"] == "ok"
                assert ready.status_code == 200 and listing.status_code == 200
                time.sleep(0.05)
            in_flight = listing.json()["count"]
            responses = [f.result(timeout=60) for f in futures]
    assert worst < 1.0, f"health, readiness and the case list took {worst:.2f} s while LLM calls hang"
    assert in_flight > 0  # stored before extraction, listed while the LLM hangs
    assert [r.status_code for r in responses] == [201] * submissions
    ids = {r.json()["id"] for r in responses}
    found = queue.list_cases(store, limit=100)
    listed, total = found.rows, found.total
    assert total == submissions and {c.id for c in listed} == ids
    assert queue.counts(store)["status"] == {"triaged": submissions}
    for response in responses:
        result = response.json()["result"]
        assert result["route"] == "escalate" and "did not answer within 2 s" in result["summary"]
