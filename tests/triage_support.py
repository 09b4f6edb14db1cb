"""Shared test helpers for the storage, audit and API tests: a database per backend and a stand-in pipeline.

PostgreSQL tests get a fresh schema each (dropped afterwards), so runs never see each other's rows. They run
against TRIAGE_TEST_POSTGRES_URL (default: the local server) and are skipped only when it is set to "skip".
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from triage.records import AIUse, Answer, Citation, Finding, Intake, QuestionRecord, TriageResult
from triage.store import migrations
from triage.store.cases import Store
from triage.store.db import make_engine

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_URL = os.environ.get("TRIAGE_TEST_POSTGRES_URL", PG_DEFAULT)
PG_SKIP = PG_URL.strip().lower() == "skip"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(PG_SKIP, reason="TRIAGE_TEST_POSTGRES_URL=skip"),
        ],
    ),
]


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@contextmanager
def postgres_schema_url() -> Iterator[tuple[str, dict]]:
    """A fresh schema on the test server; yields (url, connect_args) that put new connections inside it."""
    schema = "t_" + secrets.token_hex(6)
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # a missing server is a failure, not a skip: CI provides one
        admin.dispose()
        raise RuntimeError(
            f"PostgreSQL at {PG_URL} is not reachable ({exc}); set TRIAGE_TEST_POSTGRES_URL=skip"
        ) from exc
    try:
        yield PG_URL, {"options": f"-csearch_path={schema}"}
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def open_store(backend: str, tmp_path) -> Iterator[Store]:
    """A migrated, empty store on the given backend."""
    if backend == "sqlite":
        store = Store(make_engine(f"sqlite:///{tmp_path / 'triage.db'}"))
        migrations.migrate(store)
        try:
            yield store
        finally:
            store.close()
        return
    with postgres_schema_url() as (url, connect_args):
        store = Store(make_engine(url, connect_args=connect_args))
        migrations.migrate(store)
        try:
            yield store
        finally:
            store.close()


POLICY_URL = (
    "https://partnerhelp.netflixstudios.com/hc/en-us/articles/43393929218323-Using-Generative-AI-in-Content-Production"
)


class FakePipeline:
    """Stands in for triage.pipeline.Pipeline: escalates plans that mention a voice or likeness, quoting them."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls = 0

    def run(self, intake: Intake) -> TriageResult:
        self.calls += 1
        if self.fail:
            raise ConnectionError("the LLM server did not answer")
        text = "\n\n".join([intake.text, *(a.answer for a in intake.answers)])  # answers come as data
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
        risky = [s for s in sentences if re.search(r"voice|likeness", s, re.I)]
        findings = []
        uses = [AIUse(summary=sentences[0] if sentences else intake.text)]
        if risky:
            evidence = risky[0]
            uses = [AIUse(summary=evidence, real_person=Answer(value="yes", evidence=evidence))]
            findings.append(
                Finding(
                    rule="talent.replica_without_consent",
                    trigger="talent_likeness",
                    severity="approval",
                    use=0,
                    reason="The plan recreates a real person's voice or likeness.",
                    evidence=evidence,
                    sections=["talent-performance"],
                    citations=[
                        Citation(
                            section="talent-performance",
                            title="3. Talent & Performance",
                            text="Digital replicas of real talent need explicit, documented consent.",
                            url=POLICY_URL + "#h_01K1BTNMBP76KFGEWAFWAH22TA",
                        )
                    ],
                )
            )
        questions = [] if "final cut" in text.lower() else ["Will any generated material be in the final cut?"]
        route = "escalate" if risky else "notify"
        return TriageResult(
            route=route,
            approval_required=bool(risky),
            triggers=["talent_likeness"] if risky else [],
            principles={"P1": "yes", "P2": "unsure", "P3": "yes", "P4": "yes", "P5": "no" if risky else "yes"},
            uses=uses,
            findings=findings,
            questions=questions,
            question_records=[
                QuestionRecord(id="q_fakefinal0001", use=0, facts=["final_output"], rule="fake.final", text=q)
                for q in questions
            ],
            extractor="fake",
            policy_version="test-policy",
            prompt_version=None,
        )
