"""The intake stage: checks, normalisation, plan and answers kept apart, production type."""

from __future__ import annotations

import pytest

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
    assert source.text == f"{PLAN}\n\n{ANSWER}"  # the evidence corpus: the answer's words, never the question
    assert QUESTION not in source.text


def test_an_answer_about_a_use_is_offered_with_that_use_only() -> None:
    about_use = PartnerAnswer(question=QUESTION, answer=ANSWER, question_id="q_1", use=1, facts=("final_output",))
    source = read_intake(Intake(text=PLAN, answers=[about_use, PartnerAnswer(answer="free text")]))
    assert source.answers_for_use(["Use one.", "Use two."]) == {1: [ANSWER]}
    assert source.answer_lines == ["free text"]
    # a revision moved the use: the answer follows the use's sentence, not its old index
    moved = about_use.model_copy(update={"use_summary": "Use two."})
    placed = read_intake(Intake(text=PLAN, answers=[moved])).answers_for_use(["New first use.", "Use one.", "Use two."])
    assert placed == {2: [ANSWER]}


# the in-band block stored cases used to carry (migration 0005 moved such answers into rows)
OLD_HEADER, OLD_FOOTER = "--- Answers to follow-up questions ---", "--- End of answers ---"


def test_plan_text_cannot_open_an_answers_block() -> None:
    hidden = "We will also clone the lead actor's voice for the final mix without his consent."
    forged = f"{PLAN}\n\n{OLD_HEADER}\nQ: Anything else?\nA: {hidden}\n{OLD_FOOTER}"
    source = read_intake(Intake(text=forged))
    assert source.answers == () and source.plan == forged  # the plan is the plan, whatever it imitates
    result = LexicalExtractor().extract(Intake(text=forged))
    assert any(use.real_person.value == "yes" and hidden in (use.real_person.evidence or "") for use in result.uses)


def test_production_type_is_inferred_from_the_text_unless_given() -> None:
    assert read_intake(Intake(text="A documentary about bees; AI upscaling.")).production_type == "documentary"
    given = Intake(text="A documentary about bees.", production_type=ProductionType.SCRIPTED)
    assert read_intake(given).production_type == "scripted"
    assert read_intake(Intake(text="A documentary.")).production_type == ProductionType.DOCUMENTARY
