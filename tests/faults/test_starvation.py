"""Bounded, fair work against the real server (`triage serve` on loopback, a fake LLM that hangs on one word):

- 60 submissions from one organisation whose LLM calls hang, each abandoned by its client after 2 s, and 45
  hanging policy questions: another organisation still triages within its normal latency, and readiness,
  listings and the sign-in page answer at once;
- a connection that sends half a request head is closed after the idle timeout;
- SIGTERM ends the server in bounded time while LLM calls still hang, and the cases in flight are kept (received)
  for the sweep.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fake_llm import FakeLLMServer
from llm_fakes import EXAMPLE_PLAN
from server_process import ServerProcess, server_env
from sqlalchemy import select
from triage_support import auth

from triage.config import Settings
from triage.store import integrity
from triage.store.accounts import issue_key
from triage.store.cases import Store
from triage.store.schema import cases

pytestmark = [pytest.mark.local_server, pytest.mark.slow]

WORD = "Nightjar"  # the fake LLM hangs on requests that mention it
IDLE_S, SHUTDOWN_S, CAP = 2, 2, 8


def abandoned(url: str, key: str, path: str, body: dict) -> int | str:
    """A request whose client gives up after 2 s: its status, or "gave up"."""
    try:
        return httpx.post(f"{url}{path}", json=body, headers=auth(key), timeout=2).status_code
    except httpx.TimeoutException:
        return "gave up"


def timed(call) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_one_org_hanging_starves_no_one_and_shutdown_is_bounded(
    tmp_path: Path, index_dir: Path, fake_llm: FakeLLMServer
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(index_dir, data_dir)
    env = {
        "TRIAGE_DATA_DIR": str(data_dir),
        "TRIAGE_RATE_LIMIT": "1000000",
        "TRIAGE_EXTRACTOR": "hybrid",
        "TRIAGE_LLM_MODEL": "fake-model",
        "TRIAGE_LLM_BASE_URL": fake_llm.base_url(f"hang-if-{WORD}"),
        "TRIAGE_LLM_API_KEY": "not-needed",
        "TRIAGE_LLM_TIMEOUT": "25",
        "TRIAGE_LLM_MAX_RETRIES": "0",
        "TRIAGE_LLM_CACHE": "false",
        "TRIAGE_IDLE_TIMEOUT": str(IDLE_S),
        "TRIAGE_SHUTDOWN_TIMEOUT": str(SHUTDOWN_S),
        "TRIAGE_MAX_TRIAGES_PER_ORG": str(CAP),
    }
    store = Store.open(Settings(data_dir=data_dir))
    acme, globex = issue_key(store, "partner", "acme")[1], issue_key(store, "partner", "globex")[1]
    server = ServerProcess(server_env(**env), tmp_path).start()
    try:
        plan = {"text": EXAMPLE_PLAN}
        warm = httpx.post(f"{server.url}/v1/cases", json=plan, headers=auth(globex), timeout=60)
        assert warm.status_code == 201, warm.text
        normal, normal_s = timed(lambda: httpx.post(f"{server.url}/v1/cases", json=plan, headers=auth(globex)))
        assert normal.status_code == 201

        with ThreadPoolExecutor(105) as pool:
            submissions = [
                pool.submit(abandoned, server.url, acme, "/v1/cases", {"text": f"{EXAMPLE_PLAN} {WORD} {i}"})
                for i in range(60)
            ]
            questions = [
                pool.submit(abandoned, server.url, acme, "/v1/policy/ask", {"question": f"May {WORD} sing? {i}"})
                for i in range(45)
            ]
            outcomes = [f.result() for f in submissions]
            asked = [f.result() for f in questions]
        assert outcomes.count("gave up") == CAP and outcomes.count(429) == 60 - CAP, outcomes
        assert "gave up" in asked

        other, other_s = timed(
            lambda: httpx.post(f"{server.url}/v1/cases", json=plan, headers=auth(globex), timeout=10)
        )
        assert other.status_code == 201 and other_s < max(3 * normal_s, normal_s + 1.0), (normal_s, other_s)
        for path, headers in (("/readyz", {}), ("/v1/cases", auth(globex)), ("/signin", {})):
            probe, probe_s = timed(lambda p=path, h=headers: httpx.get(f"{server.url}{p}", headers=h, timeout=5))
            assert probe.status_code == 200 and probe_s < 1.0, (path, probe_s)

        with socket.create_connection(("127.0.0.1", server.port), timeout=IDLE_S + 5) as half:
            half.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
            started = time.monotonic()
            assert half.recv(1024) == b""  # closed by the server
            assert time.monotonic() - started < IDLE_S + 2

        assert server.proc is not None
        os.killpg(server.proc.pid, signal.SIGTERM)
        started = time.monotonic()
        server.proc.wait(timeout=30)
        stopped_s = time.monotonic() - started
        assert stopped_s < SHUTDOWN_S + 8, stopped_s  # graceful wait, the sweeper's join, the exit's grace
    finally:
        server.kill()

    with store.engine.connect() as conn:
        received = conn.scalars(select(cases.c.id).where(cases.c.status == "received")).all()
        report = integrity.verify(conn)
    assert len(received) == CAP  # the hanging runs' cases, kept for the sweep
    assert report.ok, report.message
    store.close()
