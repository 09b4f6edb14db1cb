"""Fail closed on a model's reading: a lowering answer must be stated by its own quote.

A model may answer "no" (nothing reaches the final cut, no real person, no personal data…), name a low-risk
purpose, documented consent, or enterprise / no-training terms. Each of these lowers risk, so each stands only
when the quote the model gave for it states it: the quote alone is read with the lexical reader's own lowering
vocabulary, and the lowering answer is kept only if that reading reaches it too. A bare "no", or a quote that
says something else, becomes silence, and silence never lowers anything: the broad risk layer then reads the use's
own sentences, so a touched area escalates. Answers that raise risk are never touched here.
"""

from __future__ import annotations

from typing import Any

from triage.extract.lexical import hits, reader
from triage.extract.lexical.segments import PlanSegment
from triage.records import AIUse, Answer, Choice, Consent, DataHandling, Stage

LOWERING_HANDLING = {DataHandling.ENTERPRISE, DataHandling.NO_TRAINING}


def verify_use(use: AIUse, language: str) -> tuple[AIUse, list[str]]:
    """The use with every lowering answer its quote does not state made silent, then the broad layer applied.

    Args:
        use: a record grounded in the plan (every quote verbatim).
        language: the plan's language code, for negation and the vocabulary.

    Returns:
        The verified record and one note per answer that was made silent.
    """
    with hits.one_reading():
        return _verified(use, language)


def _verified(use: AIUse, language: str) -> tuple[AIUse, list[str]]:
    fields: dict[str, Any] = {}
    notes: list[str] = []
    for name in reader.GUARDED:
        answer: Answer = getattr(use, name)
        if answer.value == "no" and not _states_no(name, answer.evidence, language):
            fields[name] = Answer()
            notes.append(f"{name}: the model's 'no' is not stated by its quote ('{_clip(answer.evidence)}')")
    stage, consent, handling = use.stage, use.consent, use.data_handling
    if stage.value in reader.LOW_RISK_STAGES and _quoted(stage, language) not in reader.LOW_RISK_STAGES:
        fields["stage"] = Choice[Stage](value=Stage.UNKNOWN)
        notes.append(f"stage: the quote does not state a low-risk purpose ('{_clip(stage.evidence)}')")
    if consent.value == Consent.OBTAINED and reader.detect_consent(_segments(consent.evidence, language)).value != (
        Consent.OBTAINED
    ):
        fields["consent"] = Choice[Consent](value=Consent.UNKNOWN)
        notes.append(f"consent: the quote does not state documented consent ('{_clip(consent.evidence)}')")
    if handling.value in LOWERING_HANDLING and (
        reader.detect_data_handling(_segments(handling.evidence, language)).value not in LOWERING_HANDLING
    ):
        fields["data_handling"] = Choice[DataHandling](value=DataHandling.UNKNOWN)
        notes.append(f"data_handling: the quote does not state protective terms ('{_clip(handling.evidence)}')")
    verified = use.model_copy(update=fields)
    final_stage = verified.stage.value
    broad = reader.touched(
        {name: getattr(verified, name) for name in reader.GUARDED},
        _segments_of(verified, language),
        screen_bound=final_stage not in reader.LOW_RISK_STAGES and final_stage != Stage.WRITING,
    )
    return verified.model_copy(update=broad), notes


def _states_no(field: str, quote: str | None, language: str) -> bool:
    if not quote:
        return False
    return getattr(reader.read_use(_segments(quote, language)), field).value == "no"


def _quoted(stage: Choice[Stage], language: str) -> Stage:
    return reader.detect_stage(_segments(stage.evidence, language)).value


def _segments(quote: str | None, language: str) -> list[PlanSegment]:
    return [PlanSegment(quote, language=language)] if quote else []


def _segments_of(use: AIUse, language: str) -> list[PlanSegment]:
    """The use's own sentences: its summary and every quote it rests on, once each."""
    texts = [use.summary, *(getattr(use, name).evidence for name in (*reader.GUARDED, "stage", "consent"))]
    return [PlanSegment(text, language=language) for text in dict.fromkeys(t for t in texts if t)]


def _clip(text: str | None, limit: int = 70) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
