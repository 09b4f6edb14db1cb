"""The intake stage: the partner's submission, checked and normalised once, then read by every extractor.

- Checks (`check_text`, `decode_plan`): empty text, length limits, text that is not UTF-8 or looks binary. The
  CLI, the API and the LLM extractor ask these, so the limits and messages live here.
- Normalisation (`normalise`): Unicode NFKC; format characters (category Cf: zero-width spaces and joiners, bidi
  marks, soft hyphens) removed; Cyrillic and Greek look-alike letters inside an otherwise Latin word ("ChatGРТ"
  with Cyrillic Р and Т) folded to their Latin twins, with a note saying so. A plan that hides a trigger word
  behind such characters reads as the word it shows.
- Plan and answers stay apart as data (`Submission.plan`, `Submission.answers`): the store keeps answers as rows
  and passes them here as data, never in-band, so nothing a partner types can open or close an answers block. An
  answer to a question record names the use it concerns (`PartnerAnswer.use`, `question_id`, `facts`); extractors
  read it with that use only (`Submission.answers_for_use`), a free-text answer with the whole plan.
- Production type: a plan that calls itself a documentary is judged as one when the form left the type blank.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from triage.extract.lexical.lexicon import DOCUMENTARY  # a phrase table like the others; the intake reads it
from triage.records import INTAKE_MAX_CHARS, Intake, PartnerAnswer, ProductionType

__all__ = [
    "INTAKE_MAX_CHARS",
    "IntakeError",
    "Submission",
    "check_text",
    "decode_plan",
    "infer_production_type",
    "normalise",
    "read_intake",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Cyrillic and Greek letters that look like a Latin letter, folded only inside a word that also has Latin letters.
_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ѵ": "v",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "І": "I", "Ј": "J", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ѵ": "V",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


class IntakeError(ValueError):
    """Text the service does not triage; the message is safe to show (it never repeats the text)."""


def decode_plan(raw: bytes) -> str:
    """Bytes a partner sent (a file, stdin) as text: UTF-8 and not binary, else IntakeError."""
    if b"\x00" in raw:
        raise IntakeError("the plan looks binary (it contains NUL bytes); paste plain text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IntakeError(f"the plan is not valid UTF-8 (byte {exc.start})") from exc


def check_text(value: str, *, max_chars: int, what: str = "the plan text") -> str:
    """Refuse what is not plain text a person wrote: not encodable as UTF-8, binary, empty, or over-long."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise IntakeError(f"{what} is not valid Unicode text") from None
    if _CONTROL.search(value):
        raise IntakeError(f"{what} contains control characters: send plain text, not a binary file")
    if not value.strip():
        raise IntakeError(f"{what} is empty")
    if len(value) > max_chars:
        raise IntakeError(f"{what} is {len(value)} characters; the limit is {max_chars}")
    return value


def too_long(text: str, max_chars: int) -> str | None:
    """Why the text is over `max_chars` (for an extractor that reports rather than raises), or None."""
    return f"the plan is longer than {max_chars} characters" if len(text) > max_chars else None


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if not any(ch in _LOOKALIKES for ch in word) or not any(_is_latin(ch) for ch in word):
        return word
    if not all(_is_latin(ch) or ch in _LOOKALIKES for ch in word):
        return word  # a letter of another script that looks like no Latin letter: not a disguised Latin word
    return "".join(_LOOKALIKES.get(ch, ch) for ch in word)


def _is_latin(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def normalise(text: str) -> tuple[str, list[str]]:
    """NFKC, format characters removed, look-alike letters folded in mixed-script words; and notes on what changed
    that the reader should know (a disguised word)."""
    out = unicodedata.normalize("NFKC", text)
    if not out.isascii() and any(unicodedata.category(ch) == "Cf" for ch in out):  # no ASCII character is Cf
        out = "".join(ch for ch in out if unicodedata.category(ch) != "Cf")  # soft hyphen (U+00AD) is Cf too
    notes: list[str] = []
    if not out.isascii():
        folded = _WORD.sub(_fold_word, out)
        if folded != out:
            changed = sum(1 for a, b in zip(_WORD.findall(out), _WORD.findall(folded), strict=True) if a != b)
            notes.append(
                f"intake: {changed} word(s) mixing Latin with Cyrillic or Greek look-alike letters were read as Latin"
            )
            out = folded
    return out, notes


class Submission(BaseModel):
    """What every extractor reads: the normalised plan and the partner's answers, kept apart as data.

    `text` is the one string evidence is quoted from: the plan, then each answer's words as a paragraph of its own
    (the questions are the service's words and never evidence, so they are not in it).
    """

    model_config = ConfigDict(frozen=True)

    text: str
    plan: str
    answers: tuple[PartnerAnswer, ...] = ()
    production_type: ProductionType | None = None
    production_title: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def answer_lines(self) -> list[str]:
        """Each non-blank line of each free-text answer (one naming no use), stripped: verbatim in `text`."""
        return [line for a in self.answers if a.use is None for line in _lines(a.answer)]

    def answers_for_use(self, summaries: Sequence[str]) -> dict[int, list[str]]:
        """Use index -> the lines of the answers about that use (the hook extractors read a use's answers with).

        `summaries`: the sentence of each use the extractor found, in order; an answer goes to the use whose
        sentence it names, else to the use of its index."""
        out: dict[int, list[str]] = {}
        for index, a in self.placed_answers(summaries):
            out.setdefault(index, []).extend(_lines(a.answer))
        return out

    def placed_answers(self, summaries: Sequence[str]) -> list[tuple[int, PartnerAnswer]]:
        """Each answer about a use, with the index of that use among `summaries` (see `answers_for_use`)."""
        placed = []
        for a in self.answers:
            if a.use is None:
                continue
            index = summaries.index(a.use_summary) if a.use_summary in summaries else a.use
            placed.append((index, a))
        return placed


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def infer_production_type(intake: Intake) -> Intake:
    """A plan that calls itself a documentary is judged as one even when the form left the type blank."""
    if intake.production_type is None and DOCUMENTARY.search(intake.text):
        return intake.model_copy(update={"production_type": ProductionType.DOCUMENTARY})
    return intake


def read_intake(intake: Intake | Submission, *, infer_type: bool = True) -> Submission:
    """The intake stage: normalise the partner's text once, keep plan and answers apart, infer the production type.

    A `Submission` passes through unchanged. The plan is read as the plan whatever it contains: answers come only
    from `intake.answers`.
    """
    if isinstance(intake, Submission):
        return intake
    plan, notes = normalise(intake.text)
    answers = [_normalised_answer(a, notes) for a in intake.answers]
    text = "\n\n".join([plan.rstrip(), *(a.answer for a in answers)]) if answers else plan
    production_type = intake.production_type
    if infer_type and production_type is None and DOCUMENTARY.search(text):
        production_type = ProductionType.DOCUMENTARY
    return Submission(
        text=text,
        plan=plan,
        answers=tuple(answers),
        production_type=production_type,
        production_title=intake.production_title,
        notes=tuple(dict.fromkeys(notes)),
    )


def _normalised_answer(answer: PartnerAnswer, notes: list[str]) -> PartnerAnswer:
    question, _ = normalise(answer.question)  # the service's own words: nothing to note
    text, more = normalise(answer.answer)
    notes.extend(more)
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return answer.model_copy(update={"question": question, "answer": "\n".join(lines)})
