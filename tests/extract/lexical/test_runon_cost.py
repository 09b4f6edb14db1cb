"""Reading cost of run-on text, counted in operations rather than timed (issue #16: a 20,000-character plan with no
sentence break may cost at most 50x a normal plan; `scripts/bench_long_plan.py` measures the time).

A long plan is read in bounded pieces, each pattern reads each piece once, and only the uses that are reported (at
most MAX_LEXICAL_USES, within MAX_READ_CHARS) are read in full: the text the patterns scan grows linearly with the
plan, and per plan character it is no more than a normal plan's.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from triage.extract.lexical import hits, reader, segments, uses
from triage.records import Intake

ROOT = Path(__file__).resolve().parents[3]
DEV = [json.loads(line)["text"] for line in (ROOT / "evals" / "cases.jsonl").read_text(encoding="utf-8").splitlines()]


def run_on(chars: int) -> str:
    """The dev plans joined with their sentence ends removed, cut to `chars` (the benchmark's hardest kind)."""
    joined = " ".join(re.sub(r"[.!?;\n]+", ",", text) for text in DEV)
    return (joined * (chars // len(joined) + 1))[:chars]


class Reading:
    """What one extraction did: the (pattern, segment) pairs the patterns scanned and the uses read in full."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.scans: Counter[tuple[str, segments.PlanSegment]] = Counter()
        self.uses_read = 0
        self.read_in_full: dict[int, int] = {}  # id of each segment a use was read with -> its length
        read_hits, read_use = hits.read_hits, reader.read_use

        def counted_hits(pattern: re.Pattern[str], segment: segments.PlanSegment) -> tuple[hits.PatternHit, ...]:
            self.scans[(pattern.pattern, segment)] += 1
            return read_hits(pattern, segment)

        def counted_use(segments: list[segments.PlanSegment]) -> object:
            self.uses_read += 1
            self.read_in_full.update((id(segment), len(segment.text)) for segment in segments)
            return read_use(segments)

        monkeypatch.setattr(hits, "read_hits", counted_hits)
        monkeypatch.setattr(reader, "read_use", counted_use)

    def scanned_per_char(self, text: str) -> float:
        """Characters the patterns scanned per character of the plan, after extracting it."""
        self.scans.clear()
        self.uses_read = 0
        self.read_in_full.clear()
        reader.LexicalExtractor().extract(Intake(text=text))
        return sum(len(segment.text) for _, segment in self.scans) / len(text)


def test_each_pattern_reads_each_piece_of_a_run_on_plan_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reading = Reading(monkeypatch)
    reading.scanned_per_char(run_on(20_000))
    assert reading.scans and max(reading.scans.values()) == 1


def test_only_the_reported_uses_of_a_run_on_plan_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan splits into more uses than are reported; those past the limit are never read in full."""
    reading = Reading(monkeypatch)
    reading.scanned_per_char(run_on(20_000))
    assert reading.uses_read <= uses.MAX_LEXICAL_USES


def test_run_on_text_scans_no_more_per_character_than_a_normal_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    reading = Reading(monkeypatch)
    normal = statistics.median(reading.scanned_per_char(text) for text in DEV)
    for chars in (2_000, 5_000, 20_000):
        assert reading.scanned_per_char(run_on(chars)) <= normal, chars


def test_a_run_on_plan_is_read_in_full_only_within_the_reading_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    reading = Reading(monkeypatch)
    reading.scanned_per_char(run_on(20_000))
    assert 0 < sum(reading.read_in_full.values()) <= uses.MAX_READ_CHARS
