"""A model's lowering answer stands only when its own quote states it; the check leaves no plan text cached."""

from __future__ import annotations

from triage.extract.lexical import hits
from triage.extract.verify import verify_use
from triage.records import AIUse, Answer

SUMMARY = "We'll use Midjourney for mood boards of the harbour set."


def test_a_no_whose_quote_says_it_stands() -> None:
    quote = "Nothing generated goes in the final cut."
    use = AIUse(summary=SUMMARY, final_output=Answer(value="no", evidence=quote))
    verified, notes = verify_use(use, "en")
    assert verified.final_output.value == "no" and notes == []


def test_a_no_whose_quote_says_something_else_becomes_silence() -> None:
    use = AIUse(summary=SUMMARY, final_output=Answer(value="no", evidence="the harbour set"))
    verified, notes = verify_use(use, "en")
    assert verified.final_output.value != "no"
    assert notes and notes[0].startswith("final_output:")


def test_checking_quotes_leaves_no_plan_text_in_the_reader_caches() -> None:
    use = AIUse(summary=SUMMARY, final_output=Answer(value="no", evidence="Nothing generated goes in the final cut."))
    verify_use(use, "en")
    assert not hits._HITS and hits.segment_index.cache_info().currsize == 0
