"""Logs hold neither secrets nor the partner's words, whatever happens on the way.

Submissions run through the API, the pages and a real uvicorn server (for its access log), with every logger at
DEBUG: a normal triage with citations, an extractor and a citation index that raise with the plan in their message,
a pipeline that raises with the plan in its message, and the LLM path against a fake OpenAI-compatible server
(a good answer, a 500 whose body quotes the plan, output that breaks the schema while quoting the plan, a dropped
connection). No log record (message, arguments, exception text, stack, extra fields) may contain an API key, its
secret part or its hash, the LLM's API key, or any distinctive sentence of the plan.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from llm_fakes import FakeServer, completion, settings_for, tool_reply
from triage_support import auth

from api.main import create_app
from triage.config import Settings
from triage.extract.hybrid import HybridExtractor
from triage.extract.lexical.reader import LexicalExtractor
from triage.extract.llm.extractor import LLMExtractor
from triage.extract.llm.schema import TOOL_NAME
from triage.pipeline import Pipeline
from triage.records import Extraction, Intake, TriageResult
from triage.store.accounts import hash_key, issue_key

PLAN = (
    "For Project Nightjar we will clone the voice of our lead actress Odalys Vantreece with ElevenLabs for the "
    "final mix of episode 4. Her consent is still pending with the agency. "
    "We will also upload the unreleased Nightjar pilot script to the free ChatGPT tier for a scene breakdown."
)
SENTENCES = [s for s in re.split(r"(?<=[.!?])\s+", PLAN) if s]
MARKERS = ["Nightjar", "Odalys", "Vantreece"]  # any of these in a log is a leak, whatever surrounds it
LLM_KEY = "sk-test-LLMSECRET-9f8e7d6c5b4a"


class Leaky(Exception):
    """An error whose message quotes the plan, as a parser or a client library might."""


class RaisingExtractor:
    name = "raising"
    prompt_version = None

    def extract(self, intake: Intake) -> Extraction:
        raise Leaky(f"could not parse the plan: {intake.text}")


class RaisingIndex:
    """A citation index that fails with the partner's evidence in its message."""

    def __init__(self, settings: Settings) -> None:
        from triage.policy import load_policy

        self.policy = load_policy(settings.knowledge_dir)

    def cite_findings(self, requests: list[tuple[str, str | None, list[str]]], k: int = 2) -> list[Any]:
        raise Leaky(f"embedding failed for {[evidence for _, evidence, _ in requests]}")


class RaisingPipeline:
    def run(self, intake: Intake) -> TriageResult:
        raise Leaky(f"pipeline blew up on: {intake.text}")


class Switch:
    """The pipeline the app holds; each scenario swaps in its own."""

    def __init__(self) -> None:
        self.current: Any = None

    def run(self, intake: Intake) -> TriageResult:
        return self.current.run(intake)


def schema_breaking_reply(body: dict[str, Any]) -> httpx.Response:
    """A tool call that breaks the record schema while quoting the plan back (uses as bare strings)."""
    args = {"language": "en", "uses": SENTENCES}
    call = {"id": "call_1", "type": "function", "function": {"name": TOOL_NAME, "arguments": json.dumps(args)}}
    return completion({"content": None, "tool_calls": [call]}, finish_reason="tool_calls")


def good_reply(body: dict[str, Any]) -> httpx.Response:
    use = {"summary": SENTENCES[0], "tool": "ElevenLabs", "real_person": "yes", "real_person_quote": SENTENCES[0]}
    return tool_reply({"language": "en", "uses": [use]})


def quoting_500(body: dict[str, Any]) -> httpx.Response:
    return httpx.Response(500, json={"error": {"message": f"overloaded while reading: {PLAN}", "type": "server"}})


def llm_pipeline(settings: Settings, tmp_path: Path, *replies: Any) -> Pipeline:
    llm_settings = settings_for(tmp_path, llm_api_key=LLM_KEY, llm_max_retries=1, extractor="hybrid")
    server = FakeServer(*replies)
    llm = LLMExtractor(llm_settings, http_client=server.client(), no_cache=True, sleep=lambda _: None)
    return Pipeline(settings, extractor=HybridExtractor(LexicalExtractor(), llm), cite=False)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[FastAPI, Switch, Settings]]:
    settings = Settings(data_dir=tmp_path / "data", extractor="lexical")
    switch = Switch()
    app = create_app(settings, pipeline=switch, rerun_on_startup=False, rate_limit_per_minute=10_000)
    yield app, switch, settings
    app.state.triage.close()


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """A real uvicorn on a loopback port this process binds (the network guard allows it), with its access log."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_config=None, access_log=True, log_level="debug", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def record_text(record: logging.LogRecord, formatter: logging.Formatter) -> str:
    """Everything a handler could write for this record: the formatted line, traceback, stack and extra fields."""
    parts = [formatter.format(record), repr(record.args), str(record.exc_text or "")]
    parts += [str(value) for value in record.__dict__.values()]
    return "\n".join(parts)


def assert_no_leaks(records: list[logging.LogRecord], secrets: list[str]) -> None:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    forbidden = [*secrets, *MARKERS, *SENTENCES]
    leaks = []
    for record in records:
        text = record_text(record, formatter)
        leaks += [(record.name, record.levelname, s[:30]) for s in forbidden if s in text]
    assert not leaks, f"{len(leaks)} leak(s) in {len(records)} records: {sorted(set(leaks))[:10]}"


def key_secrets(*keys: str) -> list[str]:
    # tri_<id>_<secret>: the secret is URL-safe base64 and may itself contain "_", so split from the left
    return [s for key in keys for s in (key, key.split("_", 2)[-1], hash_key(key))]


def test_no_secret_or_plan_text_reaches_any_log(served, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app, switch, settings = served
    caplog.set_level(logging.DEBUG)
    store = app.state.triage.store()
    partner = issue_key(store, "partner", "acme")[1]
    contact = issue_key(store, "contact", "studio")[1]
    admin = issue_key(store, "admin", "studio")[1]
    wrong = "_".join(partner.split("_", 2)[:2]) + "_" + "W" * 43  # the right id with a wrong secret

    scenarios: list[tuple[str, Callable[[], Any], str]] = [
        ("real pipeline with citations", lambda: Pipeline(settings), "triaged"),
        ("extractor raises quoting the plan", lambda: Pipeline(settings, extractor=RaisingExtractor()), "triaged"),
        ("citation index raises quoting the plan", lambda: Pipeline(settings, index=RaisingIndex(settings)),
         "triaged"),
        ("pipeline raises quoting the plan", RaisingPipeline, "failed"),
        ("LLM answers", lambda: llm_pipeline(settings, tmp_path, *[good_reply] * 2), "triaged"),
        ("LLM 500 quoting the plan", lambda: llm_pipeline(settings, tmp_path, *[quoting_500] * 4), "triaged"),
        ("LLM output breaks the schema quoting the plan",
         lambda: llm_pipeline(settings, tmp_path, *[schema_breaking_reply] * 4), "triaged"),
        ("LLM connection drops", lambda: llm_pipeline(settings, tmp_path, *[httpx.ConnectError(PLAN)] * 4),
         "triaged"),
    ]  # fmt: skip
    with TestClient(app) as client:
        for name, build, status in scenarios:
            switch.current = build()
            r = client.post("/v1/cases", json={"text": PLAN, "production_title": "Nightjar"}, headers=auth(partner))
            assert r.status_code == 201 and r.json()["status"] == status, (name, r.text[:300])
            case_id = r.json()["id"]
            assert client.get(f"/v1/cases/{case_id}", headers=auth(contact)).status_code == 200
            r = client.post(
                f"/v1/cases/{case_id}/answers",
                headers=auth(partner),
                json={"answers": [{"question": "Consent?", "answer": f"Odalys signs {SENTENCES[1]}"}]},
            )
            assert r.status_code == 200, (name, r.text[:300])  # fmt: skip
        switch.current = Pipeline(settings, cite=False)
        r = client.post("/v1/cases", json={"text": PLAN}, headers=auth(wrong))
        assert r.status_code == 401
        created = client.post("/v1/keys", json={"role": "partner", "org": "acme"}, headers=auth(admin)).json()
        assert client.get("/v1/cases", headers=auth(created["key"])).status_code == 200
        case_id = client.post("/v1/cases", json={"text": PLAN}, headers=auth(partner)).json()["id"]
        r = client.post(f"/v1/cases/{case_id}/reviews", headers=auth(contact),
                        json={"decision": "reject", "reason": f"No: {SENTENCES[2]}"})  # fmt: skip
        assert r.status_code == 200

        browser = TestClient(app, follow_redirects=False)
        token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/signin").text)
        assert token
        assert browser.post("/signin", data={"api_key": wrong, "csrf_token": token.group(1)}).status_code == 401
        assert browser.post("/signin", data={"api_key": partner, "csrf_token": token.group(1)}).status_code == 303
        form = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/submit").text)
        assert form
        r = browser.post("/submit", data={"text": PLAN, "production_title": "Nightjar", "csrf_token": form.group(1)})
        assert r.status_code == 303

    with TestClient(app), serve(app) as base, httpx.Client(base_url=base) as http:
        r = http.post("/v1/cases", json={"text": PLAN}, headers=auth(partner))
        assert r.status_code == 201
        assert http.get(f"/v1/cases/{r.json()['id']}", headers=auth(partner)).status_code == 200
        assert http.post("/v1/cases", json={"text": PLAN}, headers=auth(wrong)).status_code == 401

    access = [r for r in caplog.records if r.name == "uvicorn.access"]
    assert access, "the uvicorn access log was not captured"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for expected in (
        "extractor raising failed",
        "retrieval failed",
        "the pipeline raised Leaky",
        "LLM output broke the schema",
        "HTTP 500",
        "could not connect to the model server",
    ):
        assert expected in logged, f"scenario not exercised: {expected}"  # fmt: skip
    secrets = [*key_secrets(partner, contact, admin, wrong, created["key"]), LLM_KEY]
    assert_no_leaks(caplog.records, secrets)
