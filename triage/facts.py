"""The facts rules are written over: each declared once, with the values it can take and how it is computed.

The rule validator (`triage.rules`) accepts a condition only on a fact declared here with a value it can take;
the engine (`triage.engine`) computes exactly these facts. A new fact is one entry below, nowhere else.

Use facts describe one AI-use record (plus the intake's production type); case facts describe the whole reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, Protocol, TypeVar

from triage.records import (
    ANSWER_FIELDS,
    AIUse,
    Answer,
    Consent,
    DataHandling,
    Extraction,
    Media,
    ProductionType,
    Stage,
)

ANSWER_STATES = ("yes", "no", "unclear", "silent")
BOOLEAN = (True, False)
LOW_RISK_STAGES = frozenset({Stage.IDEATION, Stage.PITCH, Stage.PREVIS, Stage.TEMP, Stage.ADMIN})
OFF_SCREEN_STAGES = LOW_RISK_STAGES | {Stage.WRITING}
VISUAL_OR_VOICE = frozenset({Media.IMAGE, Media.VIDEO, Media.VOICE, Media.MODEL_3D})
# the record fields a rule may quote as a finding's evidence
EVIDENCE_FIELDS: tuple[str, ...] = (*ANSWER_FIELDS, "consent", "data_handling", "stage")

Facts = dict[str, Any]
C = TypeVar("C")


class HasProductionType(Protocol):
    @property
    def production_type(self) -> ProductionType | None: ...


@dataclass(frozen=True)
class UseContext:
    """What a use fact is computed from: the record, the intake, and the facts computed before it."""

    use: AIUse
    intake: HasProductionType
    facts: Facts


@dataclass(frozen=True)
class CaseContext:
    """What a case fact is computed from: the whole reading and whether any use-level finding escalates."""

    extraction: Extraction
    escalating: bool


@dataclass(frozen=True)
class Fact(Generic[C]):
    name: str
    values: tuple[Any, ...]
    compute: Callable[[C], Any]


def answer_state(answer: Answer) -> str:
    """yes / no, or for unknown: `unclear` when the text touches the question, `silent` when it does not."""
    if answer.value != "unknown":
        return answer.value
    return "unclear" if answer.evidence or answer.note else "silent"


def _answer_fact(name: str) -> Fact[UseContext]:
    return Fact(name, ANSWER_STATES, lambda c: answer_state(getattr(c.use, name)))


def _screen_bound(c: UseContext) -> bool:
    stage, media = c.use.stage.value, set(c.use.media)
    text_only = bool(media) and media <= {Media.TEXT}
    return stage not in OFF_SCREEN_STAGES and not (stage == Stage.UNKNOWN and text_only)


def _sensitive_inputs(c: UseContext) -> bool:
    """Confidential inputs: what a tool that stores or trains on them would leak (not third-party works)."""
    f = c.facts
    return (
        f["personal_data"] in ("yes", "unclear")
        or f["proprietary_input"] in ("yes", "unclear")
        or f["real_person"] == "yes"
    )


# In computing order: a fact may read the facts before it (`c.facts`).
USE_FACT_LIST: tuple[Fact[UseContext], ...] = (
    *(_answer_fact(name) for name in ANSWER_FIELDS),
    Fact("consent", tuple(v.value for v in Consent), lambda c: c.use.consent.value.value),
    Fact("data_handling", tuple(v.value for v in DataHandling), lambda c: c.use.data_handling.value.value),
    Fact("stage", tuple(v.value for v in Stage), lambda c: c.use.stage.value.value),
    Fact("low_risk_stage", BOOLEAN, lambda c: c.use.stage.value in LOW_RISK_STAGES),
    Fact("screen_bound", BOOLEAN, _screen_bound),
    Fact("sensitive_inputs", BOOLEAN, _sensitive_inputs),
    Fact("documentary", BOOLEAN, lambda c: c.intake.production_type == ProductionType.DOCUMENTARY),
    Fact("visual_or_voice", BOOLEAN, lambda c: bool(set(c.use.media) & VISUAL_OR_VOICE)),
    Fact("voice_media", BOOLEAN, lambda c: Media.VOICE in c.use.media),
)
CASE_FACT_LIST: tuple[Fact[CaseContext], ...] = (
    Fact("extraction_failed", BOOLEAN, lambda c: c.extraction.failure is not None),
    Fact("no_uses", BOOLEAN, lambda c: not c.extraction.uses),
    Fact(
        "would_notify",
        BOOLEAN,
        lambda c: not c.escalating and c.extraction.failure is None and bool(c.extraction.uses),
    ),
)

# name -> the values a rule may compare it with (what the validator checks conditions against)
USE_FACTS: dict[str, tuple[Any, ...]] = {f.name: f.values for f in USE_FACT_LIST}
CASE_FACTS: dict[str, tuple[Any, ...]] = {f.name: f.values for f in CASE_FACT_LIST}
FACTS_BY_SCOPE: dict[Literal["use", "case"], dict[str, tuple[Any, ...]]] = {"use": USE_FACTS, "case": CASE_FACTS}


def use_facts(use: AIUse, intake: HasProductionType) -> Facts:
    """Every use fact for one record plus the intake."""
    facts: Facts = {}
    for fact in USE_FACT_LIST:
        facts[fact.name] = fact.compute(UseContext(use, intake, facts))
    return facts


def case_facts(extraction: Extraction, *, escalating: bool) -> Facts:
    """Every case fact for the whole reading."""
    context = CaseContext(extraction, escalating)
    return {fact.name: fact.compute(context) for fact in CASE_FACT_LIST}
