"""Quote verification: only words really in the plan count as evidence, and they come back verbatim."""

from __future__ import annotations

import pytest

from triage.extract.evidence import (
    find_quote,
    ground_answer,
    ground_choice,
    normalize_with_map,
    quote_span,
    sentence_around,
    spans_of,
)
from triage.records import Consent, Stage

PLAN = (
    "Our editor will use “Adobe Firefly” to extend the sky in three establishing shots — all in the final episode.\n"
    "We’ll also clone  the late narrator's voice; the estate's consent is still pending."
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("extend the sky", "extend the sky"),
        ("EXTEND THE SKY", "extend the sky"),
        ('"Adobe Firefly"', "Adobe Firefly"),
        ("shots - all in the final episode", "shots — all in the final episode"),
        ("We'll also clone the late narrator's voice", "We’ll also clone  the late narrator's voice"),
        ("  the estate's consent is still pending.  ", "the estate's consent is still pending"),
    ],
)
def test_normalised_match_returns_the_exact_span(quote: str, expected: str) -> None:
    assert find_quote(quote, PLAN) == expected
    assert expected in PLAN


def test_small_slips_match_fuzzily_and_return_the_original() -> None:
    found = find_quote("clone the late narators voice", PLAN)  # two typos
    assert found is not None and found in PLAN and "narrator's voice" in found


@pytest.mark.parametrize(
    "quote",
    [
        "in the final trailer",  # not in the plan
        "clone the lead actor's face",  # similar words, different claim
        "ab",  # too short to mean anything
        "",
        "...",
    ],
)
def test_absent_quotes_are_not_found(quote: str) -> None:
    assert find_quote(quote, PLAN) is None


def test_elided_quote_is_located_by_its_longest_fragment() -> None:
    assert find_quote("extend the sky ... all in the final episode", PLAN) == "all in the final episode"


def test_normalisation_map_points_back_into_the_original() -> None:
    norm, index = normalize_with_map("A  “B”\u00a0—  c")
    assert norm == 'a "b" - c'
    assert len(index) == len(norm)
    assert all(0 <= i < 12 for i in index)


def test_locate_and_spans() -> None:
    span = quote_span("the sky", PLAN)
    assert span and PLAN[span[0] : span[1]] == "the sky"
    assert spans_of(["the sky", None, "nowhere to be seen"], PLAN) == [span]


def test_sentence_around() -> None:
    span = quote_span("the late narrator's voice", PLAN)
    assert span is not None
    assert sentence_around(PLAN, span).startswith("We’ll also clone")


def test_a_verified_yes_keeps_its_verbatim_quote() -> None:
    answer, dropped = ground_answer("yes", "the final episode", PLAN, "final_output")
    assert answer.value == "yes" and answer.evidence == "the final episode" and dropped is None


def test_an_unverified_yes_becomes_unknown_with_a_note() -> None:
    answer, dropped = ground_answer("yes", "in the trailer", PLAN, "final_output")
    assert answer.value == "unknown" and answer.evidence is None
    assert answer.note and "not found" in answer.note and dropped


def test_an_unverified_no_becomes_plain_silence() -> None:
    answer, dropped = ground_answer("no", "nothing is final", PLAN, "final_output")
    assert answer.value == "unknown" and answer.evidence is None and answer.note is None
    assert dropped and "not found" in dropped


def test_a_claim_without_a_quote_is_dropped() -> None:
    answer, dropped = ground_answer("yes", "", PLAN, "real_person")
    assert answer.value == "unknown" and dropped and "without quoting" in dropped


def test_unknown_stays_unknown_even_with_a_quote() -> None:
    answer, dropped = ground_answer("unknown", "the sky", PLAN, "key_creative")
    assert answer.value == "unknown" and answer.evidence is None and dropped is None


def test_choices_need_evidence_too() -> None:
    choice, dropped = ground_choice(Consent.PENDING, Consent.UNKNOWN, "consent is still pending", PLAN, "consent")
    assert choice.value == Consent.PENDING and choice.evidence == "consent is still pending" and dropped is None
    choice, dropped = ground_choice(Consent.OBTAINED, Consent.UNKNOWN, "signed release", PLAN, "consent")
    assert choice.value == Consent.UNKNOWN and dropped
    choice, dropped = ground_choice(Stage.UNKNOWN, Stage.UNKNOWN, "", PLAN, "stage")
    assert choice.value == Stage.UNKNOWN and dropped is None


def test_long_plans_stay_fast() -> None:
    import time

    text = " ".join(f"sentence {i} about crowd plates and sky replacements." for i in range(1500))
    started = time.perf_counter()
    assert find_quote("sentence 1499 about crowd plates and sky replacments", text)  # fuzzy, at the very end
    assert time.perf_counter() - started < 5.0
