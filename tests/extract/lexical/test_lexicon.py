"""The lexicon's patterns as data (lexicon.py and the module per question): every alternative of a word-bounded
pattern must be able to match."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from triage.extract.lexical import final_status, inputs, lexicon, people, rights, risk_terms, stages

WORD_BOUNDED = ("(?<!\\w)(?:", ")(?!\\w)")


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module in (lexicon, final_status, people, inputs, rights, stages, risk_terms):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield name, value
            elif isinstance(value, dict):
                yield from ((f"{name}[{key}]", p) for key, p in value.items() if isinstance(p, re.Pattern))


def _alternatives(body: str) -> list[str]:
    """The top-level branches of a regular expression's source."""
    branches, current, depth, in_class, i = [], "", 0, False, 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            current, i = current + body[i : i + 2], i + 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            branches, current, i = [*branches, current], "", i + 1
            continue
        current, i = current + char, i + 1
    return [*branches, current]


BOUNDED = [(name, p) for name, p in _patterns() if p.pattern.startswith(WORD_BOUNDED[0])]


def test_the_word_bounded_patterns_are_found() -> None:
    assert len(BOUNDED) > 50


@pytest.mark.parametrize(("name", "pattern"), BOUNDED, ids=[name for name, _ in BOUNDED])
def test_no_alternative_ends_where_a_word_must_follow(name: str, pattern: re.Pattern[str]) -> None:
    """A branch ending in a space or an apostrophe ("la voix de ", "n'") needs a letter next, but the pattern's
    closing word boundary forbids one: the branch can never match, so the words it was written for go unread. One
    ending in a lone capital ("del (?-i:[A-Z])") matches only a one-letter word."""
    body = pattern.pattern.removeprefix(WORD_BOUNDED[0]).removesuffix(WORD_BOUNDED[1])
    dead = [branch for branch in _alternatives(body) if branch.endswith((" ", "\\s", "'", "’", "(?-i:[A-Z])"))]
    assert not dead, f"{name}: {dead}"
