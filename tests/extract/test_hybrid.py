"""Hybrid extraction: the LLM may add risk, never remove what the lexical tripwire saw; failures stay closed."""

from __future__ import annotations

from pathlib import Path

from llm_fakes import EXAMPLE_PLAN, example_output, scripted, settings_for, use

from triage.engine import evaluate
from triage.extract.hybrid import HybridExtractor, align, merge, merge_answer, merge_choice
from triage.extract.lexical.reader import LexicalExtractor
from triage.extract.llm.extractor import LLMExtractor
from triage.records import (
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    Intake,
    Media,
    Stage,
)
from triage.rules import load_rules

PLAN = (
    "We will use Midjourney for mood boards in the pitch deck; nothing goes in the final cut. "
    "ElevenLabs will clone the lead actor's voice for ADR in episode 2, and consent is still pending."
)
MOOD = "We will use Midjourney for mood boards in the pitch deck; nothing goes in the final cut."
VOICE = "ElevenLabs will clone the lead actor's voice for ADR in episode 2, and consent is still pending."


def yes(quote: str) -> Answer:
    return Answer(value="yes", evidence=quote)


def no(quote: str) -> Answer:
    return Answer(value="no", evidence=quote)


UNCLEAR = Answer(evidence="for ADR in episode 2")
SILENT = Answer()


class Fixed:
    """An extractor returning a fixed extraction (and counting calls)."""

    def __init__(self, name: str, extraction: Extraction) -> None:
        self.name = name
        self.prompt_version: str | None = None
        self.extraction = extraction
        self.calls = 0

    def extract(self, intake: Intake) -> Extraction:
        self.calls += 1
        return self.extraction


class Exploding:
    name = "lexical"
    prompt_version = None

    def extract(self, intake: Intake) -> Extraction:
        raise RuntimeError("bug")


# -- one question ---------------------------------------------------------------------------------------------


def test_tripwire_yes_llm_no_becomes_unknown_with_both_views() -> None:
    merged, note = merge_answer("real_person", yes(VOICE), no("the lead actor"))
    assert merged.value == "unknown" and merged.evidence == VOICE
    assert merged.note and merged.note.startswith("tripwire: yes (") and "LLM: no ('the lead actor')" in merged.note
    assert note == merged.note


def test_tripwire_yes_stands_when_llm_is_silent_or_agrees() -> None:
    assert merge_answer("real_person", yes(VOICE), SILENT) == (yes(VOICE), None)
    assert merge_answer("real_person", yes(VOICE), Answer(note="model said yes but...")) == (yes(VOICE), None)
    agreed, note = merge_answer("real_person", yes(VOICE), yes("clone the lead actor's voice"))
    assert agreed.yes and note is None


def test_llm_adds_what_the_tripwire_missed() -> None:
    assert merge_answer("final_output", SILENT, yes("episode 2"))[0] == yes("episode 2")
    assert merge_answer("final_output", SILENT, no("nothing goes in the final cut"))[0].no  # it found a negation
    merged, note = merge_answer("final_output", no("nothing goes in the final cut"), yes("episode 2"))
    assert merged == yes("episode 2") and note and "LLM: yes" in note


def test_llm_cannot_clear_what_the_tripwire_flagged() -> None:
    merged, note = merge_answer("final_output", UNCLEAR, no("nothing goes in the final cut"))
    assert merged.value == "unknown" and merged.evidence == UNCLEAR.evidence and note
    assert merge_answer("final_output", UNCLEAR, SILENT)[0] == UNCLEAR
    assert merge_answer("final_output", UNCLEAR, yes("episode 2"))[0].yes
    assert merge_answer("final_output", no("nothing goes"), SILENT)[0].no


def test_hedged_takes_the_riskier_answer() -> None:
    merged, note = merge_answer("hedged", yes("we think"), no("we are sure"))
    assert merged.yes and merged.evidence == "we think" and note
    assert merge_answer("hedged", no("we are sure"), yes("maybe"))[0].yes


def test_choices_take_the_riskier_reading() -> None:
    def c(value: object, quote: str = "q") -> Choice:
        return Choice[type(value)](value=value, evidence=quote)  # type: ignore[misc]

    assert merge_choice("consent", c(Consent.OBTAINED), c(Consent.PENDING))[0].value == Consent.PENDING
    assert merge_choice("consent", c(Consent.ABSENT), c(Consent.OBTAINED))[0].value == Consent.ABSENT
    assert merge_choice("consent", c(Consent.OBTAINED), c(Consent.UNKNOWN))[0].value == Consent.OBTAINED
    assert merge_choice("consent", c(Consent.UNKNOWN), c(Consent.OBTAINED))[0].value == Consent.OBTAINED
    dh = merge_choice("data_handling", c(DataHandling.ENTERPRISE), c(DataHandling.MAY_TRAIN))
    assert dh[0].value == DataHandling.MAY_TRAIN and dh[1] and "kept may_train" in dh[1]
    dh2 = merge_choice("data_handling", c(DataHandling.MAY_TRAIN), c(DataHandling.NO_TRAINING))
    assert dh2[0].value == DataHandling.MAY_TRAIN
    # stage: a screen-bound reading beats an off-screen one, whichever side has it
    assert merge_choice("stage", c(Stage.PREVIS), c(Stage.POST_VFX))[0].value == Stage.POST_VFX
    assert merge_choice("stage", c(Stage.POST_VFX), c(Stage.IDEATION))[0].value == Stage.POST_VFX
    assert merge_choice("stage", c(Stage.UNKNOWN), c(Stage.PITCH))[0].value == Stage.PITCH


# -- whole extractions ----------------------------------------------------------------------------------------


def lexical_reading() -> Extraction:
    return Extraction(
        extractor="lexical",
        language="en",
        uses=[
            AIUse(summary=MOOD, tool=yes("Midjourney"), final_output=no("nothing goes in the final cut")),
            AIUse(summary=VOICE, tool=yes("ElevenLabs"), real_person=yes(VOICE), media=[Media.VOICE]),
        ],
    )


def test_uses_are_aligned_by_where_they_sit_in_the_text() -> None:
    lex = lexical_reading().uses
    llm = [
        AIUse(summary="clone the lead actor's voice for ADR in episode 2"),
        AIUse(summary="Midjourney for mood boards"),
        AIUse(summary="a use the tripwire never saw"),
    ]
    assert align(lex, llm, PLAN) == [(0, 1), (1, 0), (None, 2)]


def test_merge_keeps_risk_from_both_sides_and_records_disagreements() -> None:
    llm = Extraction(
        extractor="llm:m",
        language="en",
        uses=[
            AIUse(
                summary=VOICE,
                real_person=no("the lead actor"),
                final_output=yes("episode 2"),
                consent=Choice[Consent](value=Consent.PENDING, evidence="consent is still pending"),
                media=[Media.AUDIO],
            ),
        ],
    )
    out = merge(lexical_reading(), llm, PLAN, "hybrid:m")
    assert out.failure is None and out.extractor == "hybrid:m"
    mood, voice = out.uses
    assert mood == lexical_reading().uses[0]  # lexical-only use kept as it was
    assert voice.real_person.value == "unknown" and voice.real_person.evidence == VOICE
    assert voice.final_output.yes and voice.consent.value == Consent.PENDING
    assert voice.media == [Media.VOICE, Media.AUDIO]
    assert any("tripwire: yes" in n and "LLM: no" in n for n in out.notes)
    assert any("found by the tripwire only" in n for n in out.notes)


def test_llm_only_uses_are_kept() -> None:
    lex = Extraction(extractor="lexical", uses=[AIUse(summary=MOOD)])
    llm = Extraction(extractor="llm:m", uses=[AIUse(summary=MOOD), AIUse(summary=VOICE, real_person=yes("voice"))])
    out = merge(lex, llm, PLAN, "hybrid:m")
    assert len(out.uses) == 2 and out.uses[1].real_person.yes


def test_llm_failure_fails_closed_but_keeps_the_tripwire_uses() -> None:
    llm = Extraction(extractor="llm:m", failure="LLM extraction failed: the model server answered HTTP 500")
    out = merge(lexical_reading(), llm, PLAN, "hybrid:m")
    assert out.failure == llm.failure
    assert out.uses == lexical_reading().uses
    assert any("tripwire found are kept" in n for n in out.notes)


def test_lexical_failure_leaves_the_llm_reading() -> None:
    lex = Extraction(extractor="lexical", failure="no AI use found")
    llm = Extraction(extractor="llm:m", uses=[AIUse(summary=VOICE, real_person=yes("voice"))])
    out = merge(lex, llm, PLAN, "hybrid:m")
    assert out.failure is None and out.uses == llm.uses
    assert any("could not read" in n for n in out.notes)


def test_an_extractor_that_raises_is_a_failure_not_a_crash() -> None:
    llm = Fixed("llm:m", Extraction(extractor="llm:m", uses=[AIUse(summary=VOICE)]))
    out = HybridExtractor(Exploding(), llm).extract(Intake(text=PLAN))  # type: ignore[arg-type]
    assert out.failure is None and out.uses == [AIUse(summary=VOICE)]
    out = HybridExtractor(Fixed("lexical", lexical_reading()), Exploding()).extract(Intake(text=PLAN))  # type: ignore[arg-type]
    assert out.failure and "RuntimeError" in out.failure and out.uses == lexical_reading().uses


# -- with the real lexical extractor and engine ---------------------------------------------------------------


def test_hybrid_with_real_lexical_and_scripted_llm(tmp_path: Path) -> None:
    llm = LLMExtractor(settings_for(tmp_path), scripted(example_output()), no_cache=True)
    hybrid = HybridExtractor(LexicalExtractor(), llm)
    assert hybrid.name == "hybrid:test-model" and hybrid.prompt_version == llm.prompt_version
    result = hybrid.extract(Intake(text=EXAMPLE_PLAN, production_type="scripted"))
    assert result.failure is None and result.extractor == "hybrid:test-model"
    assert result.stats.llm_calls == 1
    assert any(u.real_person.yes for u in result.uses)
    for u in result.uses:
        for name in ("real_person", "final_output", "tool"):
            evidence = getattr(u, name).evidence
            assert evidence is None or evidence in EXAMPLE_PLAN


def test_an_llm_denial_cannot_lower_the_route(tmp_path: Path) -> None:
    """The LLM says nobody's voice is cloned; the tripwire saw it: the case still escalates, with both views."""
    text = "ElevenLabs will clone the lead actor's voice for ADR in episode 2."
    denial = {
        "language": "en",
        "uses": [use(text, tool="ElevenLabs", real_person=("no", "ElevenLabs"), final_output=("no", "ADR"))],
    }
    intake = Intake(text=text, production_type="scripted")
    lexical = LexicalExtractor().extract(intake)
    llm = LLMExtractor(settings_for(tmp_path), scripted(denial), no_cache=True)
    hybrid = HybridExtractor(LexicalExtractor(), llm).extract(intake)
    rules = load_rules(settings_for(tmp_path).rules_path)
    assert evaluate(lexical, intake, rules).route == "escalate"
    decision = evaluate(hybrid, intake, rules)
    assert decision.route == "escalate" and decision.approval_required
    # the model's "no" quotes a tool name, which states no denial: it was made silent, so the tripwire's yes stands
    assert any("real_person: the model's 'no' is not stated by its quote ('ElevenLabs')" in n for n in hybrid.notes)
    assert hybrid.uses[0].real_person.yes


def test_llm_failure_escalates_through_the_engine(tmp_path: Path) -> None:
    intake = Intake(text=PLAN, production_type="scripted")
    llm = LLMExtractor(settings_for(tmp_path), scripted(RuntimeError("down")), no_cache=True)
    hybrid = HybridExtractor(LexicalExtractor(), llm).extract(intake)
    assert hybrid.failure and hybrid.uses  # the contact still sees what the tripwire found
    assert evaluate(hybrid, intake, load_rules(settings_for(tmp_path).rules_path)).route == "escalate"
