"""The delimited block in which a partner's answers to follow-up questions are appended to the plan.

Stored text keeps the questions beside the answers for the record; extractors read the answers as the partner's
words and never the questions, which are the service's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ANSWERS_HEADER = "--- Answers to follow-up questions ---"
ANSWERS_FOOTER = "--- End of answers ---"
_BLOCK = re.compile(r"\n*" + re.escape(ANSWERS_HEADER) + r"\n(?P<body>.*?)\n" + re.escape(ANSWERS_FOOTER), re.DOTALL)


def append_answers(plan: str, answers: Sequence[tuple[str, str]]) -> str:
    """The plan with a delimited answers block: one `Q: ` and `A: ` line per answer, continuation lines indented,
    and block markers inside answers neutralised, so the block always parses back (`split_answers`)."""

    def clean(value: str) -> str:
        value = value.replace(ANSWERS_HEADER, "[answers header]").replace(ANSWERS_FOOTER, "[answers footer]")
        return "\n  ".join(line.rstrip() for line in value.strip().splitlines())  # continuation lines indented

    lines = ["", "", ANSWERS_HEADER]
    for question, answer in answers:
        if question.strip():
            lines.append(f"Q: {clean(question)}")
        lines.append(f"A: {clean(answer)}")
        lines.append("")
    if lines[-1] == "":
        lines.pop()
    lines.append(ANSWERS_FOOTER)
    return plan.rstrip() + "\n".join(lines)


def _entries(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The plan, and each block entry as (kind "Q"/"A", its lines verbatim as they stand in the text)."""
    entries: list[tuple[str, list[str]]] = []
    for block in _BLOCK.finditer(text):
        for entry in re.split(r"\n(?=Q: |A: )", block.group("body")):
            if entry.startswith(("Q: ", "A: ")):
                lines = [line.strip() for line in entry[3:].split("\n") if line.strip()]
                entries.append((entry[0], lines))
    return _BLOCK.sub("", text).rstrip(), entries


def split_answers(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The plan without its answers blocks, and every (question, answer) pair in them, oldest first."""
    plan, entries = _entries(text)
    pairs: list[tuple[str, str]] = []
    question = ""
    for kind, lines in entries:
        if kind == "Q":
            question = "\n".join(lines)
        else:
            pairs.append((question, "\n".join(lines)))
            question = ""
    return plan, pairs
