"""Verifying that a quote a model gave as evidence really is in the partner's text.

A model's quote is only evidence if it can be found in the plan. Matching forgives what copying tends to change
(case, runs of whitespace, curly vs straight quotes, dash variants, ellipsis) and small slips (difflib ratio >= 0.9
over a sliding window of words); whatever matched is replaced by the exact span of the original text, so every
evidence string downstream is verbatim. A claim whose quote is not found becomes `unknown` (`ground_answer` says
how a dropped yes and a dropped no differ).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from triage.records import Answer, Choice

FUZZ_RATIO = 0.9
MIN_QUOTE_CHARS = 3
MIN_FUZZY_CHARS = 12

_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TRIM = " \t\n\r'\".,;:!?()[]-"
_TRIM_ORIGINAL = _TRIM + _SINGLE + _DOUBLE + _DASHES + "\u2026\u00a0"
_WORD = re.compile(r"\S+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")

E = TypeVar("E")


def _norm_char(ch: str) -> str:
    if ch in _SINGLE:
        return "'"
    if ch in _DOUBLE:
        return '"'
    if ch in _DASHES:
        return "-"
    if ch == "\u2026":
        return "..."
    if ch.isspace() or unicodedata.category(ch) == "Zs":
        return " "
    return ch.casefold()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of the original character it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = _norm_char(ch)
        if rep == " " and (not out or out[-1] == " "):
            continue
        for r in rep:
            out.append(r)
            index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def normalize(text: str) -> str:
    return normalize_with_map(text)[0]


def _clean_quote(quote: str) -> str:
    return normalize(quote).strip(_TRIM)


def _fuzzy(q: str, norm: str) -> tuple[int, int] | None:
    """Best window of whole words whose similarity to `q` is at least FUZZ_RATIO."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(norm)]
    k = len(q.split())
    if not words or k == 0:
        return None
    sm = SequenceMatcher(None, autojunk=False)
    sm.set_seq2(q)
    best: tuple[float, int, int] | None = None
    for size in {max(1, k - 1), k, k + 1}:
        for i in range(0, max(1, len(words) - size + 1)):
            j = min(len(words), i + size) - 1
            start, end = words[i][0], words[j][1]
            sm.set_seq1(norm[start:end])
            if sm.real_quick_ratio() < FUZZ_RATIO or sm.quick_ratio() < FUZZ_RATIO:
                continue
            r = sm.ratio()
            if r >= FUZZ_RATIO and (best is None or r > best[0]):
                best = (r, start, end)
    return (best[1], best[2]) if best else None


def quote_span(quote: str, text: str) -> tuple[int, int] | None:
    """Character span (start, end) of `quote` in `text`: exact after normalisation, else fuzzy; None if absent."""
    if not quote or not text:
        return None
    norm, index = normalize_with_map(text)
    parts = [p for p in (_clean_quote(p) for p in _ELLIPSIS.split(quote)) if len(p) >= MIN_QUOTE_CHARS]
    if not parts:
        return None
    # A quote the model elided with "..." is located by its longest fragment.
    q = max(parts, key=len)
    pos = norm.find(q)
    span: tuple[int, int] | None
    if pos >= 0:
        span = (pos, pos + len(q))
    elif len(q) >= MIN_FUZZY_CHARS:
        span = _fuzzy(q, norm)
    else:
        span = None
    if span is None:
        return None
    start, end = index[span[0]], index[span[1] - 1] + 1
    # Trim surrounding punctuation the window may have picked up, but keep the text verbatim.
    while end > start and text[end - 1] in _TRIM_ORIGINAL:
        end -= 1
    while start < end and text[start] in _TRIM_ORIGINAL:
        start += 1
    return (start, end) if end > start else None


def find_quote(quote: str, text: str) -> str | None:
    """The exact span of `text` that `quote` stands for, or None when it is not there."""
    span = quote_span(quote, text)
    return text[span[0] : span[1]] if span else None


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def ground_answer(value: str, quote: str, text: str, question: str) -> tuple[Answer, str | None]:
    """An Answer whose evidence is verbatim, and a description of the claim if it was dropped for lack of evidence.

    A dropped `yes` becomes unknown *with a note*, which the engine reads as "unclear" (the model saw a risk it
    could not show: fail closed). A dropped `no` becomes plain unknown, i.e. silence: an unsupported claim that
    something is absent says nothing. `unknown` stays unknown without evidence (a stray quote is not a claim).
    """
    if value not in ("yes", "no"):
        return Answer(), None
    if not quote.strip():
        dropped = f"model said {value} for {question} without quoting the plan"
    else:
        span = find_quote(quote, text)
        if span is not None:
            return Answer(value=value, evidence=span), None  # type: ignore[arg-type]
        dropped = f"model said {value} for {question} but its quote was not found: '{_short(quote)}'"
    return (Answer(note=dropped) if value == "yes" else Answer()), dropped


def ground_choice(value: E, unknown: E, quote: str, text: str, question: str) -> tuple[Choice[E], str | None]:
    """Like `ground_answer` for a categorical answer: a known value needs a quote found in the text."""
    cls: type[Choice[E]] = Choice[type(unknown)]  # type: ignore[misc,assignment]
    if value == unknown:
        return cls(value=unknown), None
    if not quote.strip():
        dropped = f"model said {value} for {question} without quoting the plan"
    else:
        span = find_quote(quote, text)
        if span is not None:
            return cls(value=value, evidence=span), None
        dropped = f"model said {value} for {question} but its quote was not found: '{_short(quote)}'"
    return cls(value=unknown, note=dropped), dropped


def spans_of(strings: Sequence[str | None], text: str) -> list[tuple[int, int]]:
    """Where each (verbatim) string sits in the text; strings not found are skipped."""
    out = []
    for s in strings:
        if not s:
            continue
        pos = text.find(s)
        span = (pos, pos + len(s)) if pos >= 0 else quote_span(s, text)
        if span:
            out.append(span)
    return out


_SENTENCE_END = re.compile(r"[.!?\n]")


def sentence_around(text: str, span: tuple[int, int]) -> str:
    """The sentence (or line) of `text` containing `span`, verbatim and stripped."""
    start, end = span
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    return text[left:right].strip()
