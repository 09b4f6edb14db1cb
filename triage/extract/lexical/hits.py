"""Where a pattern matches in a segment, and how that match reads: negated, hedged, asked on a form, or turned
around by a contrast idiom. Clauses bound every reading; one plan's hits are read once (`one_reading`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property

from triage.extract.lexical import final_status as lx_final
from triage.extract.lexical import lexicon as lx
from triage.extract.lexical import risk_terms as rt
from triage.extract.lexical.segments import PlanSegment

CLAUSE_BREAK = re.compile(
    # a comma before a new clause, not before the next item of a list ("nothing generated goes into the mix, the final
    # cut, trailers or the soundtrack": the denial covers every item)
    r",(?=\s+(?:and |but |so |then )?(?:we|they|the|our|it|its|this|that|these|those|i|he|she|you|which|who|"
    r"everything|nothing|none|all|so|because|since|when|where|which|who|then|for|instead|visible|seen|shown|heard|"
    r"featured|appearing|used|placed|kept|included)\b"
    r"(?!(?:\s+[\w'’-]+){0,3}\s*(?:,|\s(?:or|nor)\s)))|[;()\[\]—]|"
    # "keep 2–3 of the AI aerials" is a range and "nichts geht 1:1 auf Sendung" a ratio, not two clauses
    r"(?<!\d)[–:]|[–:](?!\d)|\s-\s|"
    r"[.!?](?=\s)|"  # a sentence mark inside a segment: chat text starts its sentences in lower case
    r"\b(?:but|however|although|though|while|whereas|except|(?<=, )yet|so that|because|since|pero|aunque|mais|"
    r"cependant|mas|porém|embora|aber|jedoch|obwohl)\b",
    re.IGNORECASE,
)
BUT = re.compile(
    r"\b(?:but|however|yet|although|though|pero|sin embargo|mais|cependant|mas|porém|aber|jedoch|doch)\b", re.I
)
NEGATION_WINDOW = 12
NEGATION_CHARS = 240  # how far back the negation window reaches at most


@dataclass(frozen=True)
class PatternHit:
    segment: PlanSegment
    start: int
    end: int
    negated: bool
    hedged: bool
    asked: bool = False  # a form's question or field label with an open answer: the words are asked, not said

    @cached_property
    def contrasted(self) -> bool:
        """A contrast idiom stands right before it ("far from temporary"): it lowers nothing. Read only when asked
        (most hits are never asked whether they lower risk)."""
        return bool(rt.CONTRAST.search(self.segment.text[max(0, self.start - 48) : self.start]))


@dataclass(frozen=True)
class _SegmentIndex:
    """What every pattern hit in one segment is judged against, found once per segment text (not once per hit),
    so reading stays linear in the plan's length."""

    masked: str  # the text with non-negating idioms blanked out
    breaks: tuple[tuple[int, int], ...]  # clause breaks
    conditionals: tuple[int, ...]  # where a condition ("without consent", "unless") starts
    exceptions: tuple[int, ...]  # where an exception ("apart from") starts
    hedges: tuple[tuple[int, int], ...]
    label_end: int  # where a form's question or field label ends ("Anything on screen?"), 0 when there is none


@cache
def segment_index(text: str) -> _SegmentIndex:
    breaks = tuple(m.span() for m in CLAUSE_BREAK.finditer(text))
    weak = {m.span() for m in lx.HEDGE.finditer(text) if not _optional_internal_step(text, m.start(), breaks)}
    return _SegmentIndex(
        masked=mask(rt.NOT_NEGATION, text),
        breaks=breaks,
        conditionals=tuple(m.start() for m in lx.CONDITIONAL.finditer(text)),
        exceptions=tuple(m.start() for m in lx.EXCEPTION.finditer(text)),
        hedges=tuple(sorted(weak | {m.span() for m in lx.STRONG_HEDGE.finditer(text)})),
        label_end=_label_end(text),
    )


def _label_end(text: str) -> int:
    """Where a form's question or field label ends and its answer starts, 0 when the text is no such line."""
    qa = lx.ASKED_WITH_ANSWER.match(text)
    if qa:
        return qa.end()
    if lx.ASKED_LINE.match(text) or lx.EMPTY_FIELD.match(text):
        return len(text)
    labels = (lx.FORM_QUESTION.match(text), lx.FIELD_LABEL.match(text), lx.NO_ANSWER_FIELD.match(text))
    return next((m.end() for m in labels if m), 0)


def _optional_internal_step(text: str, at: int, breaks: tuple[tuple[int, int], ...]) -> bool:
    """ "The editor might drop AI temp cues into the assembly for internal screenings only": a modal on whether a
    step happens, in a clause that itself keeps the step internal or temporary and names no destination on screen,
    is no doubt about a principle."""
    if not lx_final.OPTIONAL_STEP.match(text, at):
        return False
    left, right = _bounds(breaks, at, at, len(text))
    clause = text[left:right]
    return bool(lx_final.FINAL_NO.search(clause)) and not (
        lx_final.FINAL_YES.search(clause) or lx_final.FINAL_STATUS_KEPT.search(clause)
    )


def _bounds(breaks: tuple[tuple[int, int], ...], start: int, end: int, length: int) -> tuple[int, int]:
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, _ in breaks if s >= end), default=length)
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(segment_index(text).breaks, start, end, len(text))


def find_hits(pattern: re.Pattern[str], segments: list[PlanSegment]) -> list[PatternHit]:
    """Every match, with whether a negation governs it, whether its clause hedges, and whether a contrast idiom
    stands right before it. Idioms that contain a negation word but deny nothing ("without a doubt", "without any
    on-screen label") are masked before negation is looked for."""
    return [hit for segment in segments for hit in hits_in(pattern, segment)]


# One plan's hits per pattern and segment: several questions and uses read the same sentences, and a long plan's
# uses all read its sentences about the whole plan (`LexicalExtractor.extract` clears it when it is done). Keyed by
# the pattern's source and flags, which is what makes two patterns equal: hashing a compiled pattern digests its
# whole compiled program on every lookup (about 10 µs for the large alternations).
_HITS: dict[tuple[str, int, PlanSegment], tuple[PatternHit, ...]] = {}


def hits_in(pattern: re.Pattern[str], segment: PlanSegment) -> tuple[PatternHit, ...]:
    """One segment's hits of one pattern, read once per plan."""
    key = (pattern.pattern, pattern.flags, segment)
    if key not in _HITS:
        _HITS[key] = read_hits(pattern, segment)
    return _HITS[key]


def read_hits(pattern: re.Pattern[str], segment: PlanSegment) -> tuple[PatternHit, ...]:
    hits = []
    index = segment_index(segment.text)
    for match in pattern.finditer(segment.text):
        start, end = match.span()
        left, right = clause_bounds(segment.text, start, end)
        prefix_words = index.masked[max(left, start - NEGATION_CHARS) : start].split()[-NEGATION_WINDOW:]
        denied = bool(lx.negation_for(segment.language).search(" ".join(prefix_words)))
        negated = (
            (
                denied
                or bool(lx.POST_NEGATION.match(index.masked, end, right))
                or bool(lx.FORM_NO.match(segment.text, end))
            )
            and not any(at >= left for at in index.conditionals)
            and not any(
                at >= end and (at < right or not segment.text[right:at].strip(" ,;:—–-")) for at in index.exceptions
            )
        )
        hedged = any(left <= s and e <= right for s, e in index.hedges)
        asked = False
        if end <= index.label_end:  # the answer decides: "? No" denies, "? Yes" says it, anything else leaves it open
            negated = negated or bool(lx.FORM_ANSWER_NO.match(segment.text, index.label_end))
            asked = not (negated or lx.FORM_YES.match(segment.text, index.label_end))
        hits.append(PatternHit(segment, start, end, negated, hedged, asked))
    return tuple(hits)


def mask(pattern: re.Pattern[str], text: str) -> str:
    """The text with every match of `pattern` blanked out, positions kept."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


@contextmanager
def one_reading() -> Iterator[None]:
    """The reader's caches serve one reading (a plan, or a model's quotes checked by triage.extract.verify): no
    plan text outlives it."""
    try:
        yield
    finally:
        _HITS.clear()
        segment_index.cache_clear()
