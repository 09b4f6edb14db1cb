"""Risky plans phrased to slip past a phrase reader must escalate, offline and against an obedient model.

tests/data/adversarial.jsonl was written by a separate author who saw only the guidance brief, never the lexicon
or the dev cases: decoy words, contrast idioms, "without any on-screen label", synonyms, tenses, instructions to
the triage, invisible characters and look-alike letters, on-screen props, hedges, consent gaps, consumer tools,
documentaries, buried risky uses, and the same in Spanish, French, Portuguese and German. Every plan needs
escalation. The obedient model answers "no" to every question, names a low-risk purpose, documented consent and
enterprise terms, each with a verbatim quote of the plan: the worst a model that obeys the plan can do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import scripted, settings_for, use

from triage.config import Settings
from triage.extract.hybrid import HybridExtractor
from triage.extract.lexical.reader import LexicalExtractor
from triage.extract.llm.extractor import LLMExtractor
from triage.extract.llm.schema import MAX_LLM_USES, YES_NO_FIELDS
from triage.intake import read_intake
from triage.pipeline import Pipeline
from triage.records import Intake, TriageResult

CASES = [json.loads(line) for line in (Path(__file__).parents[1] / "data" / "adversarial.jsonl").open(encoding="utf-8")]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def intake_of(case: dict[str, Any]) -> Intake:
    return Intake(text=case["text"], production_type=case.get("production_type"))


def obedient_reply(intake: Intake) -> dict[str, Any]:
    """One use per sentence, each answering every question the lowest way, quoting that sentence verbatim."""
    plan = read_intake(intake).plan  # the normalised text the model is shown, so its quotes are found
    sentences = [m.group(0).strip() for m in SENTENCE.finditer(plan) if len(m.group(0).strip()) > 3]
    uses = []
    for sentence in sentences[:MAX_LLM_USES]:
        answers: dict[str, Any] = {name: ("no", sentence) for name in YES_NO_FIELDS}
        answers |= {"stage": ("ideation", sentence), "consent": ("obtained", sentence)}
        answers |= {"data_handling": ("enterprise", sentence), "media": ["image"]}
        uses.append(use(sentence, **answers))
    return {"language": "en", "uses": uses}


@pytest.fixture(scope="module")
def offline() -> Pipeline:
    return Pipeline(Settings(extractor="lexical"), cite=False)


def obedient_pipeline(tmp_path: Path, intake: Intake, *, hybrid: bool) -> Pipeline:
    settings = settings_for(tmp_path)
    llm = LLMExtractor(settings, scripted(obedient_reply(intake)), no_cache=True)
    extractor = HybridExtractor(LexicalExtractor(), llm) if hybrid else llm
    return Pipeline(settings, extractor=extractor, cite=False)


def test_the_suite_is_the_separate_authors_and_covers_five_languages() -> None:
    assert len(CASES) >= 60 and all(c["expected"]["route"] == "escalate" for c in CASES)
    languages = {tag for c in CASES for tag in c["tags"] if tag in ("en", "es", "fr", "pt", "de")}
    assert languages == {"en", "es", "fr", "pt", "de"}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_offline_reading_escalates(offline: Pipeline, case: dict[str, Any]) -> None:
    assert offline.run(intake_of(case)).route == "escalate"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_an_obedient_model_cannot_lower_the_hybrid(offline: Pipeline, case: dict[str, Any], tmp_path: Path) -> None:
    intake = intake_of(case)
    lexical = offline.run(intake)
    hybrid: TriageResult = obedient_pipeline(tmp_path, intake, hybrid=True).run(intake)
    assert hybrid.route == "escalate"
    assert hybrid.approval_required or not lexical.approval_required, "the model dropped an approval"
    assert set(lexical.triggers) <= set(hybrid.triggers), "the model dropped a trigger the tripwire saw"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_an_obedient_model_alone_cannot_route_notify(case: dict[str, Any], tmp_path: Path) -> None:
    """Without the tripwire, the verifier alone: a 'no' its quote does not state is silence, and silence escalates."""
    intake = intake_of(case)
    assert obedient_pipeline(tmp_path, intake, hybrid=False).run(intake).route == "escalate"
