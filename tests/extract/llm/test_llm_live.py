"""Opt-in: the LLM extractor against a real OpenAI-compatible server (`pytest -m live`).

Uses whatever TRIAGE_LLM_BASE_URL / OPENAI_BASE_URL points to, with TRIAGE_LLM_MODEL (or LOCAL_LLM_MODEL, as
printed by `local-llm env`). Skipped unless selected with -m live, so a configured shell does not make the
ordinary test run slow or dependent on a server.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage.config import Settings
from triage.extract.hybrid import HybridExtractor
from triage.extract.lexical.reader import LexicalExtractor
from triage.extract.llm.extractor import LLMExtractor
from triage.records import Intake

pytestmark = pytest.mark.live

PLAN = (
    "We will use ElevenLabs to recreate the voice of our lead actor for two pickup lines in episode 5, which "
    "will be in the final mix. Her agent has not signed the consent form yet."
)


@pytest.fixture
def live_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if "live" not in (request.config.option.markexpr or ""):
        pytest.skip("opt-in: run with -m live")
    settings = Settings()
    model = settings.llm_model or os.environ.get("LOCAL_LLM_MODEL")
    if not model or not (settings.llm_base_url or settings.llm_api_key):
        pytest.skip("set TRIAGE_LLM_MODEL (or LOCAL_LLM_MODEL) and TRIAGE_LLM_BASE_URL / OPENAI_BASE_URL")
    timeout = float(os.environ.get("TRIAGE_LLM_TIMEOUT", "600"))
    return settings.model_copy(update={"llm_model": model, "data_dir": tmp_path, "llm_timeout_s": timeout})


def test_live_extraction_is_one_call_with_verified_evidence(live_settings: Settings) -> None:
    extractor = LLMExtractor(live_settings, no_cache=True)
    result = extractor.extract(Intake(text=PLAN, production_type="scripted"))
    assert result.failure is None, result.failure
    assert result.uses, "the model found no use"
    # One call is the design; a slow, shared server may time out once and be retried (transient errors only).
    assert 1 <= result.stats.llm_calls <= 1 + live_settings.llm_max_retries
    assert result.stats.prompt_tokens > 0 and result.stats.completion_tokens > 0
    for use in result.uses:
        for _, field in use:
            evidence = getattr(field, "evidence", None)
            assert evidence is None or evidence in PLAN


def test_live_hybrid_keeps_the_tripwire(live_settings: Settings) -> None:
    hybrid = HybridExtractor(LexicalExtractor(), LLMExtractor(live_settings))
    result = hybrid.extract(Intake(text=PLAN, production_type="scripted"))
    assert result.uses
    if result.failure is None:
        assert any(u.real_person.yes or u.real_person.evidence for u in result.uses)
