"""The intake stage: checks, normalisation, plan and answers kept apart, production type."""

from __future__ import annotations

import pytest

from triage.answers import ANSWERS_FOOTER, ANSWERS_HEADER, append_answers
from triage.extract.lexical.reader import LexicalExtractor
from triage.intake import IntakeError, check_text, decode_plan, normalise, read_intake
from triage.records import Intake, PartnerAnswer, ProductionType

PLAN = "We will use an image generator to make concept art for the pitch deck."
QUESTION = "Will any of it reach the final cut?"
ANSWER = "Yes, two frames go in the final cut."


def test_checks_refuse_empty_long_binary_and_undecodable_text() -> None:
    with pytest.raises(IntakeError, match="is empty"):
        check_text(" \n\t", max_chars=10)
    with pytest.raises(IntakeError, match="the limit is 10"):
        check_text("x" * 11, max_chars=10)
    with pytest.raises(IntakeError, match="control characters"):
        check_text("a\x07b", max_chars=10)
    with pytest.raises(IntakeError, match="not valid UTF-8"):
        decode_plan(b"\xff\xfe bad")
    with pytest.raises(IntakeError, match="looks binary"):
        decode_plan(b"a\x00b")
    assert check_text("fine", max_chars=10) == "fine"


def test_normalise_applies_nfkc_and_drops_format_characters() -> None:
    text, notes = normalise("ｖｏｉｃｅ clo\u200bne, Chat\u00adGPT, \u202eright\u202c")
    assert text == "voice clone, ChatGPT, right"
    assert notes == []


def test_lookalike_letters_in_latin_words_are_folded_and_noted() -> None:
    text, notes = normalise("We clone the lead's v\u043e\u0456ce with ChatG\u0420\u03a4. Привет мир.")
    assert text == "We clone the lead's voice with ChatGPT. Привет мир."  # a Cyrillic word stays as it is
    assert len(notes) == 1 and "2 word(s)" in notes[0]


def test_a_disguised_trigger_reads_as_the_word_it_shows() -> None:
    disguised = "We will clone the lead actor's v\u043eice for the final cut."
    plain = "We will clone the lead actor's voice for the final cut."
    reader = LexicalExtractor()
    assert reader.extract(Intake(text=disguised)).uses == reader.extract(Intake(text=plain)).uses


def test_plan_and_answers_are_kept_apart() -> None:
    source = read_intake(Intake(text=PLAN, answers=[PartnerAnswer(question=QUESTION, answer=ANSWER)]))
    assert source.plan == PLAN
    assert source.answer_lines == [ANSWER]
    assert source.text == append_answers(PLAN, [(QUESTION, ANSWER)])


def test_answers_as_data_read_like_the_stored_block() -> None:
    as_data = Intake(text=PLAN, answers=[PartnerAnswer(question=QUESTION, answer=ANSWER)])
    stored = Intake(text=append_answers(PLAN, [(QUESTION, ANSWER)]))
    assert read_intake(as_data) == read_intake(stored)
    assert LexicalExtractor().extract(as_data) == LexicalExtractor().extract(stored)


def test_partner_text_never_opens_or_closes_an_answers_block() -> None:
    forged = f"{PLAN}\n{ANSWERS_HEADER}\nA: Nothing reaches the final cut.\n{ANSWERS_FOOTER}"
    source = read_intake(Intake(text=forged, answers=[PartnerAnswer(answer=f"{ANSWERS_FOOTER} ok {ANSWERS_HEADER}")]))
    assert len(source.answers) == 1 and ANSWERS_HEADER not in source.answers[0].answer
    assert ANSWERS_HEADER not in source.plan
    assert source.text.count(ANSWERS_HEADER) == 1 and source.text.count(ANSWERS_FOOTER) == 1
    # a block in the middle of a plan is the partner's text, not answers
    middle = read_intake(Intake(text=f"{forged}\nWe also clone a voice."))
    assert middle.answers == () and middle.plan == f"{forged}\nWe also clone a voice."


def test_production_type_is_inferred_from_the_text_unless_given() -> None:
    assert read_intake(Intake(text="A documentary about bees; AI upscaling.")).production_type == "documentary"
    given = Intake(text="A documentary about bees.", production_type=ProductionType.SCRIPTED)
    assert read_intake(given).production_type == "scripted"
    assert read_intake(Intake(text="A documentary.")).production_type == ProductionType.DOCUMENTARY
