"""The default extractor when an LLM is configured: the LLM reads, the lexical extractor stands beside it as a tripwire.

The LLM may add risk but never remove what the deterministic layer saw. Uses are aligned by where their summary
and evidence sit in the text; then, per question:
- tripwire yes, LLM no      -> unknown carrying the tripwire's evidence and a note with both views (the engine
                               reads an unknown with evidence as "unclear", which escalates);
- tripwire yes, LLM unknown -> the tripwire's yes stands;
- tripwire unclear, LLM no  -> stays unclear (a model's "no" does not clear what the tripwire flagged);
- tripwire silent           -> the LLM's answer stands (it found what the lexical missed);
- tripwire no, LLM yes      -> the LLM's yes stands.
`hedged`, consent and data handling take the riskier of the two answers. Uses only one side found are kept.
The tripwire's own reading rides along (`Extraction.tripwire`): the engine adds every escalating finding it gives
that the merged reading lacks, so the approval flag and every trigger the deterministic layer saw survive.
If the LLM fails, the case fails (closed) but keeps the tripwire's uses so a contact sees them.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from triage.extract.evidence import spans_of
from triage.extract.protocol import Extractor
from triage.facts import OFF_SCREEN_STAGES, answer_state
from triage.intake import Submission, read_intake
from triage.records import (
    ANSWER_FIELDS,
    CHOICE_FIELDS,
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    ExtractionStats,
    Intake,
    Stage,
)

log = logging.getLogger(__name__)

ALIGN_MIN_OVERLAP = 0.3

# Stages whose output stays off screen (the engine's own set); when the readings disagree, the screen-bound wins.
CONSENT_RISK = {Consent.OBTAINED: 0, Consent.PENDING: 1, Consent.ABSENT: 2}
HANDLING_RISK = {DataHandling.ENTERPRISE: 0, DataHandling.NO_TRAINING: 1, DataHandling.MAY_TRAIN: 2}


def _q(text: str | None, n: int = 70) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def merge_answer(field: str, lex: Answer, llm: Answer) -> tuple[Answer, str | None]:
    """One question's merged answer and, when the two readings disagree, a note saying how."""
    ls, ms = answer_state(lex), answer_state(llm)  # the engine's reading of each answer
    if ls == "yes":
        if ms == "no":
            both = f"tripwire: yes ('{_q(lex.evidence)}'); LLM: no ('{_q(llm.evidence)}')"
            if field == "hedged":  # riskier answer wins outright
                return Answer(value="yes", evidence=lex.evidence, note=both), both
            return Answer(value="unknown", evidence=lex.evidence, note=both), both
        if ms == "yes" and llm.evidence:
            return llm, None
        return lex, None
    if ls == "no":
        if ms == "yes":
            return llm, f"LLM: yes ('{_q(llm.evidence)}'); tripwire: no ('{_q(lex.evidence)}')"
        return lex, None
    if ls == "unclear":
        if ms == "yes":
            return llm, None
        if ms == "no":
            both = f"tripwire: unclear ('{_q(lex.evidence or lex.note)}'); LLM: no ('{_q(llm.evidence)}')"
            return Answer(value="unknown", evidence=lex.evidence, note=both), both
        return lex, None
    return (llm if ms != "silent" else lex), None


def merge_choice(field: str, lex: Choice[Any], llm: Choice[Any]) -> tuple[Choice[Any], str | None]:
    """Stage, consent, data handling: an unknown defers to the other; a real disagreement takes the riskier."""
    unknown = {"stage": Stage.UNKNOWN, "consent": Consent.UNKNOWN, "data_handling": DataHandling.UNKNOWN}[field]
    if llm.value == unknown or llm.value == lex.value:
        return lex, None
    if lex.value == unknown:
        return llm, None
    if field == "stage":
        lex_off, llm_off = lex.value in OFF_SCREEN_STAGES, llm.value in OFF_SCREEN_STAGES
        pick = llm if (lex_off and not llm_off) else lex
    else:
        risk = CONSENT_RISK if field == "consent" else HANDLING_RISK
        pick = llm if risk[llm.value] > risk[lex.value] else lex
    note = (
        f"{field}: tripwire {lex.value.value} ('{_q(lex.evidence)}'); LLM {llm.value.value} ('{_q(llm.evidence)}');"
        f" kept {pick.value.value}"
    )
    return pick, note


def merge_use(lex: AIUse, llm: AIUse) -> tuple[AIUse, list[str]]:
    """The merged record for two aligned uses, and the disagreements."""
    fields: dict[str, Any] = {}
    notes: list[str] = []
    for name in ANSWER_FIELDS:
        fields[name], note = merge_answer(name, getattr(lex, name), getattr(llm, name))
        if note:
            notes.append(f"{name}: {note}")
    for name in CHOICE_FIELDS:
        fields[name], note = merge_choice(name, getattr(lex, name), getattr(llm, name))
        if note:
            notes.append(note)
    media = list(dict.fromkeys([*lex.media, *llm.media]))
    return AIUse(summary=lex.summary, media=media, **fields), notes


def _use_spans(use: AIUse, text: str) -> list[tuple[int, int]]:
    strings = [use.summary]
    strings += [getattr(use, f).evidence for f in (*ANSWER_FIELDS, *CHOICE_FIELDS)]
    return _union(spans_of(strings, text))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """Shared characters over the smaller footprint: 1.0 when one use's text lies inside the other's."""
    size_a, size_b = sum(e - s for s, e in a), sum(e - s for s, e in b)
    if not size_a or not size_b:
        return 0.0
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return shared / min(size_a, size_b)


def align(lex: list[AIUse], llm: list[AIUse], text: str) -> list[tuple[int | None, int | None]]:
    """Pairs (lexical index, LLM index), greedily by overlap; unmatched uses pair with None. Text order."""
    ls = [_use_spans(u, text) for u in lex]
    ms = [_use_spans(u, text) for u in llm]
    scored = sorted(
        ((overlap(a, b), i, j) for i, a in enumerate(ls) for j, b in enumerate(ms)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_l: set[int] = set()
    used_m: set[int] = set()
    pairs: list[tuple[int | None, int | None]] = []
    for score, i, j in scored:
        if score < ALIGN_MIN_OVERLAP:
            break
        if i in used_l or j in used_m:
            continue
        used_l.add(i)
        used_m.add(j)
        pairs.append((i, j))
    pairs += [(i, None) for i in range(len(lex)) if i not in used_l]
    pairs += [(None, j) for j in range(len(llm)) if j not in used_m]

    def start(p: tuple[int | None, int | None]) -> int:
        spans = ls[p[0]] if p[0] is not None else ms[p[1]]  # type: ignore[index]
        return spans[0][0] if spans else len(text)

    return sorted(pairs, key=start)


def merge(lex: Extraction, llm: Extraction, text: str, name: str) -> Extraction:
    """Combine the two readings of one plan (see the module docstring)."""
    stats = llm.stats.model_copy()
    notes = [f"tripwire: {n}" for n in lex.notes] + [f"llm: {n}" for n in llm.notes]
    language = llm.language if llm.language != "unknown" else lex.language
    if llm.failure:
        notes.append(f"the LLM failed; the {len(lex.uses)} use(s) the lexical tripwire found are kept for the contact")
        return Extraction(
            uses=lex.uses, language=lex.language, extractor=name, failure=llm.failure, notes=notes, stats=stats
        )
    if lex.failure:  # what it could read still counts: its findings survive like any tripwire's
        notes.append(f"the lexical tripwire could not read the plan reliably ({lex.failure}); the LLM's reading leads")
    uses: list[AIUse] = []
    placed = [0] * len(lex.uses)
    for i, j in align(lex.uses, llm.uses, text):
        if i is not None:
            placed[i] = len(uses)
        if i is not None and j is not None:
            merged, disagreements = merge_use(lex.uses[i], llm.uses[j])
            notes += [f"use {len(uses)}: {d}" for d in disagreements]
            uses.append(merged)
        elif i is not None:
            notes.append(f"use {len(uses)}: found by the tripwire only")
            uses.append(lex.uses[i])
        elif j is not None:
            notes.append(f"use {len(uses)}: found by the LLM only")
            uses.append(llm.uses[j])
    return Extraction(
        uses=uses, language=language, extractor=name, notes=notes, stats=stats, tripwire=lex, tripwire_uses=placed
    )


def _safe_extract(extractor: Extractor, intake: Submission) -> Extraction:
    try:
        return extractor.extract(intake)
    except Exception as e:  # extractors must not raise; if one does, its reading is a failure
        log.error("extractor %s raised %s", extractor.name, type(e).__name__)
        return Extraction(extractor=extractor.name, failure=f"extractor error ({type(e).__name__})")


class HybridExtractor:
    """LLM reading with the lexical extractor as a tripwire; name "hybrid:<model>"."""

    def __init__(self, lexical: Extractor, llm: Extractor) -> None:
        self.lexical = lexical
        self.llm = llm
        self.name: str = f"hybrid:{llm.name.split(':', 1)[-1]}"
        self.prompt_version: str | None = llm.prompt_version

    def extract(self, intake: Submission | Intake) -> Extraction:
        started = time.perf_counter()
        source = read_intake(intake)
        lex = _safe_extract(self.lexical, source)
        llm = _safe_extract(self.llm, source)
        result = merge(lex, llm, source.text, self.name)
        stats: ExtractionStats = result.stats
        stats.latency_ms = (time.perf_counter() - started) * 1000
        return result
